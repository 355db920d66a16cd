# Reference values for cochranArmitageTest, computed with R's prop.trend.test (stats package).
# Run: Rscript test/reference/r/cochranArmitage.R > test/reference/cochranArmitage.json
# prop.trend.test gives the chi-squared statistic (1 df) of the Cochran-Armitage test for trend
# without the N/(N-1) factor; z is its signed square root (positive when the event rate rises
# with the score), and the one-sided p of a rising trend is pnorm(-z).
cases <- list(
  list(name = "R documentation: smokers among patients (prop.trend.test example)", events = c(83, 90, 129, 70), n = c(86, 93, 136, 82), scores = NULL),
  list(name = "falling rates, equal groups", events = c(15, 10, 8, 5), n = c(40, 40, 40, 40), scores = NULL),
  list(name = "rising churn by tier, unequal groups", events = c(2, 5, 9, 12), n = c(100, 60, 40, 20), scores = c(0, 1, 2, 3)),
  list(name = "rising churn, custom scores", events = c(2, 5, 9, 12), n = c(100, 60, 40, 20), scores = c(0, 1, 3, 7)),
  list(name = "no trend", events = c(10, 10, 10), n = c(50, 50, 50), scores = NULL),
  list(name = "two groups (equals the pooled two-proportion z test)", events = c(12, 25), n = c(80, 90), scores = NULL)
)
fmt <- function(x) formatC(x, digits = 15, format = "g")
lines <- sapply(cases, function(case) {
  scores <- if (is.null(case$scores)) seq_along(case$events) else case$scores
  test <- suppressWarnings(prop.trend.test(case$events, case$n, score = scores))
  chi <- unname(test$statistic)
  rates <- case$events / case$n
  slope <- sum(case$n * (scores - weighted.mean(scores, case$n)) * (rates - sum(case$events) / sum(case$n)))
  z <- sign(slope) * sqrt(chi)
  sprintf('    { "name": "%s", "events": [%s], "n": [%s], "scores": [%s], "chiSquare": %s, "z": %s, "pValue": %s, "pValueIncreasing": %s }',
    case$name, paste(case$events, collapse = ", "), paste(case$n, collapse = ", "), paste(scores, collapse = ", "),
    fmt(chi), fmt(z), fmt(unname(test$p.value)), fmt(pnorm(-z)))
})
cat('{\n  "about": "Cochran-Armitage test for trend: R ', R.version$major, '.', R.version$minor, ' prop.trend.test; z is the signed square root of X-squared, pValueIncreasing = pnorm(-z). Made by test/reference/r/cochranArmitage.R.",\n  "cases": [\n', paste(lines, collapse = ",\n"), '\n  ]\n}\n', sep = "")
