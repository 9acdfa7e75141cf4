#include "sim/calibrate/recovery.hpp"

#include <cmath>

#include "sim/calibrate/calibrated_forecast.hpp"
#include "sim/calibrate/calibration_tables.hpp"
#include "sim/core/rng.hpp"

namespace kpsim::calibrate {
namespace {

using tables::Cell;

// The observations at a truth come from replications no calibration point
// or forecast uses: a seed of their own.
std::uint64_t truth_seed(std::uint64_t seed) { return core::mix64(seed ^ 0x7472757468ull); }

}  // namespace

RecoveryResult run_recovery(PreparedCalibration& c, const RecoveryOptions& o) {
  RecoveryResult r;
  r.parameters.csv = "recovery.csv";
  r.parameters.title = "参数恢复检验";
  r.parameters.notes = {"以已知参数模拟的观测校准，后验区间是否包含真值 — calibrations of figures simulated at known truths"};
  r.parameters.header = {"truth", "parameter", "true_value", "posterior_median", "posterior_p05", "posterior_p25",
                         "posterior_p75", "posterior_p95", "in_50", "in_90", "effective_sample_size"};
  r.backtest.csv = "recovery_backtest.csv";
  r.backtest.title = "回测恢复检验";
  r.backtest.header = {"truth", "observation", "true_value", "forecast_p05", "forecast_p25", "forecast_p75", "forecast_p95",
                       "in_50", "in_90"};
  const std::vector<PriorSpace>& priors = c.slots.priors;
  const auto truths = Proposal().draw(static_cast<std::size_t>(o.truths), priors, truth_seed(c.spec.seed), 0);
  std::vector<model::Observation> all = c.fitted;
  all.insert(all.end(), c.held_out.begin(), c.held_out.end());
  for (std::size_t t = 0; t < truths.size(); ++t) {
    // One realised year at the truth: replication t of the truths' seed.
    const auto sims = run_points(c.slots, {truths[t]}, all, {truth_seed(c.spec.seed), 1, static_cast<std::uint32_t>(t), o.threads, o.control}, {});
    if (sims[0].size() == 0) continue;  // not a valid scenario: no truth to recover
    // The figures as the calibration takes a city's to be: the model's own
    // plus the stated error (precision and discrepancy), so that intervals
    // that hold the truth as often as they say are the test.
    std::vector<double> values(all.size());
    core::RngStream noise = core::RngStream::keyed(truth_seed(c.spec.seed), t, 5, 0, core::Purpose::calibration);
    for (std::size_t j = 0; j < all.size(); ++j) {
      const model::Observation& o = all[j];
      double v = sims[0](0, static_cast<Eigen::Index>(j));
      if (o.kind == model::ObservationKind::project_started) {
        if (noise.uniform() < 0.5 * c.spec.discrepancy) v = 1 - v;
      } else {
        const double d = o.discrepancy.value_or(c.spec.discrepancy * std::abs(v));
        v += std::sqrt(o.precision_sd * o.precision_sd + d * d) * normal_quantile(noise.uniform());
      }
      values[j] = v;
    }
    set_observed_values(c, std::vector<double>(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(c.fitted.size())));
    for (std::size_t j = 0; j < c.held_out.size(); ++j) c.held_out[j].value = values[c.fitted.size() + j];
    CalibrationOptions co;
    co.threads = o.threads;
    co.control = o.control;
    const Posterior post = run_calibration(c, co);
    r.replications += post.replications + 1;
    std::size_t hits90 = 0;
    for (std::size_t p = 0; p < priors.size(); ++p) {
      const double truth = priors[p].value(truths[t][p]);
      const double q05 = posterior_quantile(c, post, p, 0.05), q25 = posterior_quantile(c, post, p, 0.25);
      const double q75 = posterior_quantile(c, post, p, 0.75), q95 = posterior_quantile(c, post, p, 0.95);
      const bool in50 = truth >= q25 && truth <= q75, in90 = truth >= q05 && truth <= q95;
      ++r.intervals;
      r.in50 += in50;
      r.in90 += in90;
      hits90 += in90;
      r.parameters.rows.push_back({Cell::number(static_cast<double>(t + 1), 0), Cell::of(c.spec.parameters[p].name),
                                   Cell::number(truth, 4), Cell::number(posterior_quantile(c, post, p, 0.5), 4),
                                   Cell::number(q05, 4), Cell::number(q25, 4), Cell::number(q75, 4), Cell::number(q95, 4),
                                   Cell::of(in50 ? "是" : "否"), Cell::of(in90 ? "是" : "否"), Cell::number(post.ess, 1)});
    }
    if (!c.held_out.empty()) {
      const CalibratedForecast f = calibrated_forecast(c, post, o.threads, o.control);
      r.replications += static_cast<std::uint64_t>(c.spec.forecast_replications);
      for (std::size_t j = 0; j < c.held_out.size(); ++j) {
        const Bands b = observed_bands(c, f, c.fitted.size() + j);
        const double v = c.held_out[j].value;
        const bool in50 = v >= b.p25 && v <= b.p75, in90 = v >= b.p05 && v <= b.p95;
        ++r.held_out;
        r.held_in50 += in50;
        r.held_in90 += in90;
        r.backtest.rows.push_back({Cell::number(static_cast<double>(t + 1), 0), Cell::of(c.held_out[j].label),
                                   Cell::number(v, 4), Cell::number(b.p05, 4), Cell::number(b.p25, 4),
                                   Cell::number(b.p75, 4), Cell::number(b.p95, 4), Cell::of(in50 ? "是" : "否"),
                                   Cell::of(in90 ? "是" : "否")});
      }
    }
    if (o.progress)
      *o.progress << "recovery: truth " << t + 1 << "/" << truths.size() << " · " << hits90 << " of " << priors.size()
                  << " parameters inside the 90% interval · ESS " << std::lround(post.ess) << '\n';
  }
  return r;
}

}  // namespace kpsim::calibrate
