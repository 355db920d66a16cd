# Reference values for weighted scores under Taylor linearization (issue 10), computed with R's
# survey package: svydesign(ids = ~1, weights = ~w) over independent observations, svymean of an
# indicator or score, and svyciprop-free standard errors (SE(svymean)). NPS in points uses
# y = 100 for promoters (9-10), -100 for detractors (0-6), 0 for passives; shares are indicator
# means; means are of the answers themselves. Kish's effective n, (sum w)^2 / sum w^2, is printed
# beside each case for comparison with the present method.
# Values printed: test/reference/linearization.json. Run: Rscript test/reference/r/linearization.R > test/reference/linearization.json
suppressPackageStartupMessages(library(survey))
options(digits = 17)

set.seed(20261126)
cases <- list()
add <- function(name, answers, weights, scale) {
  cases[[length(cases) + 1]] <<- list(name = name, answers = answers, weights = weights, scale = scale)
}
# The case in ../shared/reference/precision.json, to check this script against it.
add("shared precision.json case (NPS)", c(10, 9, 9, 8, 7, 6, 3, 0, 10, 5, 9, 2), c(1.2, 0.8, 2.5, 1, 1, 0.6, 3, 1.4, 0.9, 2.2, 1.1, 0.5), "nps")
# Equal weights: linearization is the plain SE with the n/(n-1) factor.
add("equal weights (NPS)", c(10, 10, 9, 8, 6, 3, 0, 7, 9, 10), rep(2, 10), "nps")
# A small weighted NPS sample.
nps30 <- sample(0:10, 30, replace = TRUE, prob = c(3, 2, 2, 3, 3, 5, 6, 10, 14, 16, 20))
add("small weighted NPS sample (n = 30)", nps30, round(runif(30, 0.3, 3), 3), "nps")
# Weights that track the answers: an under-sampled unhappy segment weighted up.
unhappy <- rbinom(1500, 1, 0.25)
nps1500 <- ifelse(unhappy == 1, sample(0:6, 1500, replace = TRUE), sample(5:10, 1500, replace = TRUE))
add("weights tracking the answers (NPS, n = 1500)", nps1500, ifelse(unhappy == 1, 3.2, 0.8) * round(runif(1500, 0.8, 1.25), 3), "nps")
# CSAT 1-5, satisfied = 4-5, and its mean.
csat <- sample(1:5, 400, replace = TRUE, prob = c(1, 1, 2, 4, 3))
add("CSAT 1-5 (n = 400)", csat, round(rlnorm(400, 0, 0.5), 4), "csat5")
# CES 1-7 (higher is easier), easy = 5-7, difficult = 1-3, and its mean.
ces <- sample(1:7, 200, replace = TRUE, prob = c(1, 1, 2, 3, 4, 4, 3))
add("CES 1-7 (n = 200)", ces, round(runif(200, 0.5, 2), 3), "ces7")

fmt <- function(x) formatC(x, digits = 17, format = "g")
# The intervals cx-metrics defines on top of svymean (docs/methods.md, "Weights"): the
# statistic's effective n is n/deff (survey's deff = "replace"), capped at n as Korn & Graubard
# (1998) truncate it, and it goes into the unweighted formulas. Written out here, independently
# of the library:
#   share: Wilson (1927) with n_eff = n/deff, p the weighted share;
#   mean:  estimate +- qt(0.975, n_eff - 1) * SE, SE the linearization standard error;
#   net score (NPS, points): Wald, estimate +- qnorm(0.975) * sqrt(Var/n_eff), Var = 100^2 * (pP + pD - (pP - pD)^2).
wilson <- function(p, n, z = qnorm(0.975)) {
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(centre - half, centre + half)
}
estimate <- function(design, formula, kind) {
  m <- svymean(formula, design, deff = "replace")
  n <- nrow(design)
  est <- as.vector(coef(m))
  se <- as.vector(SE(m))
  deff <- as.vector(deff(m))
  neff <- min(n, n / deff)
  ci <- switch(kind,
    share = wilson(est, neff),
    mean = est + c(-1, 1) * qt(0.975, neff - 1) * se,
    net = {
      y <- model.frame(formula, design$variables)[[1]] / 100
      w <- weights(design)
      pP <- sum(w[y == 1]) / sum(w); pD <- sum(w[y == -1]) / sum(w)
      est + c(-1, 1) * qnorm(0.975) * 100 * sqrt((pP + pD - (pP - pD)^2) / neff)
    })
  sprintf('{ "estimate": %s, "standardError": %s, "designEffect": %s, "ci": [%s, %s] }', fmt(est), fmt(se), fmt(deff), fmt(ci[1]), fmt(ci[2]))
}
lines <- sapply(cases, function(case) {
  x <- case$answers
  data <- data.frame(
    x = x,
    w = case$weights,
    nps = ifelse(x >= 9, 100, ifelse(x <= 6, -100, 0)),
    promoter = as.numeric(x >= 9),
    detractor = as.numeric(x <= 6),
    satisfied = as.numeric(x >= 4),
    easy = as.numeric(x >= 5),
    difficult = as.numeric(x <= 3),
    neteasy = ifelse(x >= 5, 100, ifelse(x <= 3, -100, 0))
  )
  design <- svydesign(ids = ~1, weights = ~w, data = data)
  parts <- c(sprintf('"mean": %s', estimate(design, ~x, "mean")))
  if (case$scale == "nps") {
    parts <- c(parts, sprintf('"nps": %s', estimate(design, ~nps, "net")), sprintf('"promoterShare": %s', estimate(design, ~promoter, "share")), sprintf('"detractorShare": %s', estimate(design, ~detractor, "share")))
  } else if (case$scale == "csat5") {
    parts <- c(parts, sprintf('"satisfiedShare": %s', estimate(design, ~satisfied, "share")))
  } else {
    parts <- c(parts, sprintf('"easyShare": %s', estimate(design, ~easy, "share")), sprintf('"difficultShare": %s', estimate(design, ~difficult, "share")), sprintf('"netEasy": %s', estimate(design, ~neteasy, "net")))
  }
  kish <- sum(case$weights)^2 / sum(case$weights^2)
  sprintf('    { "name": "%s", "scale": "%s", "answers": [%s], "weights": [%s], "kishEffectiveN": %s, %s }',
    case$name, case$scale, paste(x, collapse = ", "), paste(fmt(case$weights), collapse = ", "), fmt(kish), paste(parts, collapse = ", "))
})
cat('{\n  "about": "Weighted scores under Taylor linearization: R ', R.version$major, '.', R.version$minor, ', survey ', as.character(packageVersion("survey")),
  ', svydesign(ids = ~1, weights = ~w) over independent observations, svymean (estimate, SE, deff = replace); ci: the intervals cx-metrics defines on min(n, n/deff), written out in the script. NPS points: y = 100 promoters, -100 detractors, 0 passives. Made by test/reference/r/linearization.R (seed 20261126).",\n  "cases": [\n',
  paste(lines, collapse = ",\n"), '\n  ]\n}\n', sep = "")
