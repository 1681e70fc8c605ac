"""National-scale data sets (DESIGN's "National scale") built deterministically from a seed
for benchmarks and load tests: `actors`, `indicators`, `strategy`. Development code: it
imports the product; the product never imports it."""
