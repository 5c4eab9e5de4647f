"""Generators of test inputs (PDF renderings, synthetic reports, bad inputs). Not part of the product."""
