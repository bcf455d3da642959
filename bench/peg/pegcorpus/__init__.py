"""A corpus of PEG sheets written by several real PDF producers, with its gold.

The sheets' content is drawn from a seeded random generator (`draw`), laid out
by choices drawn independently of the producer (`layout`, `plan`), and
written by each producer's own renderer (`render_*`). The gold (`gold`) is
made from the drawn data, never from what a reader makes of the PDFs.
"""
