"""Scoring: 2x2 statistics, one learner against the key, a whole class, test skills, gains, calibration."""
