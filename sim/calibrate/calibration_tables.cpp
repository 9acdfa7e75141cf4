#include "sim/calibrate/calibration_tables.hpp"

#include <cmath>
#include <sstream>

#include "sim/core/quantile.hpp"

namespace kpsim::calibrate {
namespace {

using tables::Cell;

std::string kind_name(const model::Observation& o) {
  switch (o.kind) {
    case model::ObservationKind::investment: return "investment";
    case model::ObservationKind::count:
      return o.what == model::CountWhat::not_started ? "count not_started"
             : o.what == model::CountWhat::started ? "count started" : "count completed";
    case model::ObservationKind::approval_days: return "approval_days";
    case model::ObservationKind::project_investment: return "project_investment";
    case model::ObservationKind::project_started: return "project_started";
  }
  return "?";
}

std::string label_of(const model::Observation& o) {
  if (!o.label.empty()) return o.label;
  return kind_name(o) + (o.kind == model::ObservationKind::approval_days ? "" : " " + o.date.iso());
}

Cell date_of(const model::Observation& o) {
  return o.kind == model::ObservationKind::approval_days ? Cell::blank() : Cell::day(o.date);
}

// Noise added to each replication's figure, at these normal quantiles: the
// bands of figure + noise without a random draw.
constexpr int kNoiseNodes = 16;

}  // namespace

double observation_sd(const PreparedCalibration& c, const model::Observation& o) {
  if (o.kind == model::ObservationKind::project_started) return 0;
  const double d = o.discrepancy.value_or(c.spec.discrepancy * std::abs(o.value));
  return std::sqrt(o.precision_sd * o.precision_sd + d * d);
}

Bands observed_bands(const PreparedCalibration& c, const CalibratedForecast& f, std::size_t j) {
  const model::Observation& o = j < c.fitted.size() ? c.fitted[j] : c.held_out[j - c.fitted.size()];
  return bands_of(f.figures, static_cast<Eigen::Index>(j), observation_sd(c, o));
}

Bands bands_of(const Eigen::MatrixXd& figures, Eigen::Index column, double extra_sd) {
  std::vector<double> raw, v;
  for (Eigen::Index r = 0; r < figures.rows(); ++r)
    if (std::isfinite(figures(r, column))) raw.push_back(figures(r, column));
  if (raw.empty()) return {NAN, NAN, NAN, NAN, NAN, NAN, NAN};
  Bands b;
  double sum = 0, sq = 0;
  for (double x : raw) sum += x;
  b.mean = sum / static_cast<double>(raw.size());
  for (double x : raw) sq += (x - b.mean) * (x - b.mean);
  const double var = raw.size() > 1 ? sq / static_cast<double>(raw.size() - 1) : 0;
  b.sd = std::sqrt(var + extra_sd * extra_sd);
  for (double x : raw) {
    if (extra_sd <= 0) v.push_back(x);
    else
      for (int k = 0; k < kNoiseNodes; ++k) v.push_back(x + extra_sd * normal_quantile((k + 0.5) / kNoiseNodes));
  }
  b.p05 = core::quantile(v, 0.05), b.p25 = core::quantile(v, 0.25), b.p50 = core::quantile(v, 0.5);
  b.p75 = core::quantile(v, 0.75), b.p95 = core::quantile(v, 0.95);
  return b;
}

double interval_share(const PreparedCalibration& c, const Posterior& post, std::size_t p) {
  const PriorSpace& prior = c.slots.priors[p];
  const double prior_width = prior.value(prior.quantile(0.95)) - prior.value(prior.quantile(0.05));
  const double width = posterior_quantile(c, post, p, 0.95) - posterior_quantile(c, post, p, 0.05);
  return prior_width > 0 ? width / prior_width : NAN;
}

tables::Sheet parameters_sheet(const PreparedCalibration& c, const Posterior& post) {
  tables::Sheet s;
  s.csv = "parameters.csv";
  s.title = "校准参数";
  s.notes = {"先验与后验：中位数与 90% 区间 — each parameter's prior and posterior (median, 50% and 90% intervals)",
             "interval_share: the posterior 90% interval's width over the prior's; below 0.5 the data pinned it down"};
  s.header = {"parameter", "path", "prior", "prior_p05", "prior_p95", "posterior_median", "posterior_p05",
              "posterior_p25", "posterior_p75", "posterior_p95", "interval_share", "pinned_down", "reason"};
  s.labels = {"参数", "路径", "先验", "先验 P5", "先验 P95", "后验中位数", "后验 P5", "后验 P25", "后验 P75", "后验 P95",
              "区间收窄比", "数据是否确定", "理由"};
  for (std::size_t p = 0; p < c.spec.parameters.size(); ++p) {
    const model::CalibrationParameter& par = c.spec.parameters[p];
    const PriorSpace& prior = c.slots.priors[p];
    const double share = interval_share(c, post, p);
    auto q = [&](double u) { return Cell::number(posterior_quantile(c, post, p, u), 4); };
    s.rows.push_back({Cell::of(par.name), Cell::of(par.path), Cell::of(prior.describe()),
                      Cell::number(prior.value(prior.quantile(0.05)), 4), Cell::number(prior.value(prior.quantile(0.95)), 4),
                      q(0.5), q(0.05), q(0.25), q(0.75), q(0.95), Cell::number(share, 3),
                      Cell::of(share < kPinnedShare ? "是" : "否"), Cell::of(par.reason)});
  }
  return s;
}

tables::Sheet posterior_sheet(const PreparedCalibration& c, const Posterior& post) {
  tables::Sheet s;
  s.csv = "posterior.csv";
  s.title = "后验样本";
  s.notes = {"每个模拟过的参数点及其重要性权重 — every point simulated, with its importance weight (weights sum to 1)"};
  s.header = {"point", "wave", "weight", "log_likelihood"};
  s.labels = {"点", "轮次", "权重", "对数似然"};
  for (const auto& p : c.spec.parameters) s.header.push_back(p.path), s.labels.push_back(p.name);
  for (std::size_t i = 0; i < post.particles.size(); ++i) {
    std::vector<Cell> row{Cell::number(static_cast<double>(i), 0), Cell::number(post.wave[i], 0),
                          Cell::number(post.weights[i], 8),
                          Cell::number(std::isfinite(post.particles[i].log_likelihood) ? post.particles[i].log_likelihood : NAN, 4)};
    for (std::size_t p = 0; p < c.spec.parameters.size(); ++p)
      row.push_back(Cell::number(c.slots.priors[p].value(post.particles[i].z[p]), 6));
    s.rows.push_back(std::move(row));
  }
  return s;
}

tables::Sheet fit_sheet(const PreparedCalibration& c, const CalibratedForecast& f) {
  tables::Sheet s;
  s.csv = "fit.csv";
  s.title = "拟合检验";
  s.notes = {"观测值与校准后模拟值 — each fitted observation against the calibrated forecast (mean, 90% band)",
             "the band is the observed figure's: the simulated one plus its precision and the model discrepancy",
             "residual: (observed − mean) / √(simulated variance + precision² + discrepancy²)"};
  s.header = {"observation", "kind", "date", "observed", "precision", "simulated_mean", "simulated_p05", "simulated_p95",
              "standardised_residual", "in_90"};
  s.labels = {"观测", "类型", "日期", "观测值", "精度", "模拟均值", "模拟 P5", "模拟 P95", "标准化残差", "在 90% 区间内"};
  for (std::size_t j = 0; j < c.fitted.size(); ++j) {
    const model::Observation& o = c.fitted[j];
    const Bands b = observed_bands(c, f, j);
    const double residual = (o.value - b.mean) / b.sd;
    s.rows.push_back({Cell::of(label_of(o)), Cell::of(kind_name(o)), date_of(o), Cell::number(o.value, 4),
                      Cell::of(o.precision), Cell::number(b.mean, 4), Cell::number(b.p05, 4), Cell::number(b.p95, 4),
                      Cell::number(residual, 3), Cell::of(o.value >= b.p05 && o.value <= b.p95 ? "是" : "否")});
  }
  return s;
}

BacktestScore score_backtest(const PreparedCalibration& c, const CalibratedForecast& f) {
  BacktestScore score;
  for (std::size_t j = 0; j < c.held_out.size(); ++j) {
    const model::Observation& o = c.held_out[j];
    const Bands b = observed_bands(c, f, c.fitted.size() + j);
    ++score.observations;
    score.in50 += o.value >= b.p25 && o.value <= b.p75;
    score.in90 += o.value >= b.p05 && o.value <= b.p95;
    score.mean_abs_error += std::abs(b.mean - o.value);
  }
  if (score.observations) score.mean_abs_error /= static_cast<double>(score.observations);
  return score;
}

tables::Sheet backtest_sheet(const PreparedCalibration& c, const CalibratedForecast& f) {
  tables::Sheet s;
  s.csv = "backtest.csv";
  s.title = "回测";
  s.notes = {"只用 " + (c.until ? c.until->iso().substr(0, 7) : std::string()) +
             " 前的观测校准，预测其后的观测 — fitted on the observations up to the month, forecast of the held-out ones",
             "bands of the observed figure: the simulated one plus its precision and the model discrepancy"};
  s.header = {"observation", "kind", "date", "observed", "forecast_mean", "forecast_p05", "forecast_p25", "forecast_p75",
              "forecast_p95", "in_50", "in_90", "error_of_mean"};
  s.labels = {"观测", "类型", "日期", "观测值", "预测均值", "P5", "P25", "P75", "P95", "在 50% 区间内", "在 90% 区间内", "均值误差"};
  for (std::size_t j = 0; j < c.held_out.size(); ++j) {
    const model::Observation& o = c.held_out[j];
    const Bands b = observed_bands(c, f, c.fitted.size() + j);
    s.rows.push_back({Cell::of(label_of(o)), Cell::of(kind_name(o)), date_of(o), Cell::number(o.value, 4),
                      Cell::number(b.mean, 4), Cell::number(b.p05, 4), Cell::number(b.p25, 4), Cell::number(b.p75, 4),
                      Cell::number(b.p95, 4), Cell::of(o.value >= b.p25 && o.value <= b.p75 ? "是" : "否"),
                      Cell::of(o.value >= b.p05 && o.value <= b.p95 ? "是" : "否"), Cell::number(b.mean - o.value, 4)});
  }
  return s;
}

std::string calibrated_overlay(const PreparedCalibration& c, const Posterior& post) {
  std::ostringstream y;
  y << "# The posterior medians of calibration '" << c.spec.name << "' (" << post.particles.size() << " points, "
    << "effective sample size " << std::lround(post.ess) << "; parameters.csv gives their intervals).\n"
    << "# Use: kpsim run " << c.spec.base << " --policy calibrated.yaml\n"
    << "kpsim: 1\n"
    << "description: \"calibrated: " << c.spec.name << "\"\n"
    << "set:\n";
  for (std::size_t p = 0; p < c.spec.parameters.size(); ++p) {
    const double median = posterior_quantile(c, post, p, 0.5);
    std::ostringstream value;
    value.precision(6);  // six significant digits: far finer than any interval
    if (c.slots.priors[p].integer()) value << std::llround(median);
    else value << median;
    y << "  \"" << c.spec.parameters[p].path << "\": " << value.str() << "   # " << c.spec.parameters[p].name << "\n";
  }
  return y.str();
}

}  // namespace kpsim::calibrate
