# Reference values of the regularized incomplete beta I_x(a, b) for test/stats/precision.test.ts:
# R's pbeta (TOMS 708, Didonato & Morris 1992) on random shapes from 1e-3 to 1e12, at points
# spread over each distribution's range, both tails (lower.tail = TRUE and FALSE), so the smaller
# side of I and 1 - I is compared in relative terms.
# Run: Rscript test/reference/r/pbeta.R > test/reference/r/pbeta.json
fmt <- function(x) formatC(x, digits = 17, format = "g")
set.seed(708)
cases <- list()
for (i in 1:600) {
  a <- 10^runif(1, -3, 12)
  b <- 10^runif(1, -3, 12)
  # A point from a probability between 1e-250 and 1/2 in either tail, found by qbeta.
  p <- 10^runif(1, -250, log10(0.5))
  lower <- runif(1) < 0.5
  x <- qbeta(p, a, b, lower.tail = lower)
  if (!is.finite(x) || x <= 0 || x >= 1) next
  # qbeta can stop at the smallest normal double, where pbeta has underflowed to 0: no reference.
  if (min(pbeta(x, a, b), pbeta(x, a, b, lower.tail = FALSE)) == 0) next
  cases[[length(cases) + 1]] <- sprintf('    { "x": %s, "a": %s, "b": %s, "lower": %s, "upper": %s }',
    fmt(x), fmt(a), fmt(b), fmt(pbeta(x, a, b, lower.tail = TRUE)), fmt(pbeta(x, a, b, lower.tail = FALSE)))
}
cat(sprintf('{\n  "about": "R %s pbeta (TOMS 708) at %d random points; made by test/reference/r/pbeta.R",\n  "cases": [\n%s\n  ]\n}\n',
  getRversion(), length(cases), paste(unlist(cases), collapse = ',\n')))
