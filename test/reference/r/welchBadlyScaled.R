# Welch's t test on badly scaled data (1e6 plus small noise), where a one-pass variance loses
# digits: R's t.test (two-pass mean and variance in extended precision) on two deterministic
# samples. Run: Rscript test/reference/r/welchBadlyScaled.R > test/reference/welchBadlyScaled.json
options(digits = 17)
a <- 1e6 + ((1:40) %% 7) * 1e-3 + ((1:40) %% 3) * 1e-4
b <- 1e6 + ((1:35) %% 5) * 1.1e-3 + 2e-3
test <- t.test(a, b, var.equal = FALSE)
fmt <- function(x) formatC(x, digits = 17, format = "g")
cat(sprintf('{\n  "about": "Welch t test on 1e6 + small noise: R %s.%s t.test(a, b); values printed to 17 digits. Made by test/reference/r/welchBadlyScaled.R.",\n  "a": [%s],\n  "b": [%s],\n  "meanA": %s, "meanB": %s, "sdA": %s, "sdB": %s,\n  "statistic": %s, "df": %s, "pValue": %s\n}\n',
  R.version$major, R.version$minor, paste(fmt(a), collapse = ", "), paste(fmt(b), collapse = ", "), fmt(mean(a)), fmt(mean(b)), fmt(sd(a)), fmt(sd(b)),
  fmt(unname(test$statistic)), fmt(unname(test$parameter)), fmt(test$p.value)))
