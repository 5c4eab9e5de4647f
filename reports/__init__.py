"""Stage 4: what inspectors and analysts read (the consistency audit, printouts, comparisons)."""
