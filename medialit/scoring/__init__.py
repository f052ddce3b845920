"""Scoring: statistics on 2x2 tables, one learner against the key, a whole class."""
