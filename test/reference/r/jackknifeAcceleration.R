# BCa's acceleration for bootstrapInterval (issue 10): leave-one-out values theta_(i), the
# jackknife influence values L = (n - 1)(mean(theta_(.)) - theta_(i)) and a = sum(L^3) / (6 sum(L^2)^1.5)
# (Efron & Tibshirani 1993, eq. 14.15), checked against boot::empinf(type = "jack") where they agree.
# NPS in points: y = 100 promoters (9-10), -100 detractors (0-6), 0 passives, a weighted mean.
# Values printed: test/reference/jackknifeAcceleration.json.
# Run: Rscript test/reference/r/jackknifeAcceleration.R > test/reference/jackknifeAcceleration.json
suppressPackageStartupMessages(library(boot))
options(digits = 17)
fmt <- function(x) formatC(x, digits = 17, format = "g")
nps <- function(x, w) { y <- ifelse(x >= 9, 100, ifelse(x <= 6, -100, 0)); sum(w * y) / sum(w) }
mean_w <- function(x, w) sum(w * x) / sum(w)
acceleration <- function(x, w, statistic) {
  # Leave-one-out values, then boot's jackknife influence values L = (n - 1)(mean - theta_(i)).
  n <- length(x)
  loo <- sapply(seq_len(n), function(i) statistic(x[-i], w[-i]))
  L <- (n - 1) * (mean(loo) - loo)
  # boot's usual.jack centres on the full-sample estimate instead of the mean of the leave-one-out
  # values; for an unweighted mean the two agree, which checks the loop above against boot.
  if (all(w == 1)) {
    data <- data.frame(x = x, w = w)
    Lboot <- empinf(data = data, statistic = function(d, i) statistic(d$x[i], d$w[i]), type = "jack", stype = "i")
    stopifnot(isTRUE(all.equal(as.vector(Lboot), L)))
  }
  sum(L^3) / (6 * sum(L^2)^1.5)
}
cases <- list(
  list(name = "NPS, unweighted", metric = "nps", x = c(10, 9, 9, 8, 7, 6, 3, 10, 9, 2, 10, 8), w = rep(1, 12)),
  list(name = "NPS, weighted", metric = "nps", x = c(10, 9, 9, 8, 7, 6, 3, 0, 10, 5, 9, 2), w = c(1.2, 0.8, 2.5, 1, 1, 0.6, 3, 1.4, 0.9, 2.2, 1.1, 0.5)),
  list(name = "CES 1-7 mean, weighted", metric = "ces", x = c(7, 6, 6, 5, 4, 2, 7, 1, 5, 6), w = c(1, 2, 1, 1, 3, 0.5, 1, 4, 1, 1))
)
lines <- sapply(cases, function(case) {
  a <- acceleration(case$x, case$w, if (case$metric == "nps") nps else mean_w)
  sprintf('    { "name": "%s", "metric": "%s", "answers": [%s], "weights": [%s], "acceleration": %s }',
    case$name, case$metric, paste(case$x, collapse = ", "), paste(fmt(case$w), collapse = ", "), fmt(a))
})
cat('{\n  "about": "BCa acceleration from the jackknife, R ', R.version$major, '.', R.version$minor, ', boot ', as.character(packageVersion("boot")), ': leave-one-out, a = sum(L^3) / (6 sum(L^2)^1.5). Made by test/reference/r/jackknifeAcceleration.R.",\n  "cases": [\n', paste(lines, collapse = ",\n"), '\n  ]\n}\n', sep = "")
