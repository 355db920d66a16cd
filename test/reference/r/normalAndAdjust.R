# Reference values for normalQuantile, normalCDF and adjustPValues (issue 10): R's qnorm and pnorm
# (AS 241 and Cody's erfc, double precision) and p.adjust (Holm, BH, Bonferroni).
# Values printed: test/reference/normalAndAdjust.json.
# Run: Rscript test/reference/r/normalAndAdjust.R > test/reference/normalAndAdjust.json
options(digits = 17)
fmt <- function(x) paste(formatC(x, digits = 17, format = "g"), collapse = ", ")
p <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.4999999, 0.5, 0.5000001, 0.7, 0.975, 0.999, 1 - 1e-10)
x <- c(-37, -20, -8, -3, -1.959963984540054, -1, -1e-8, 0, 1e-8, 0.5, 1, 2, 3, 5, 8)
pv <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 1e-8, 0.049, 0.9)
cat('{\n  "about": "R ', R.version$major, '.', R.version$minor, ': qnorm, pnorm, p.adjust. Made by test/reference/r/normalAndAdjust.R.",\n',
  '  "quantile": { "p": [', fmt(p), '], "z": [', fmt(qnorm(p)), '] },\n',
  '  "cdf": { "x": [', fmt(x), '], "p": [', fmt(pnorm(x)), '] },\n',
  '  "adjust": { "p": [', fmt(pv), '], "holm": [', fmt(p.adjust(pv, "holm")), '], "benjamini-hochberg": [', fmt(p.adjust(pv, "BH")), '], "bonferroni": [', fmt(p.adjust(pv, "bonferroni")), '] }\n}\n', sep = "")
