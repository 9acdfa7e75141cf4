#include "sim/report/compare.hpp"

#include <cmath>
#include <map>

#include "sim/core/quantile.hpp"

namespace kpsim::report {

using core::quantile;
namespace {

// Normal 95% quantile: R is in the hundreds, where Student's t is the same
// to two decimals.
constexpr double kZ90 = 1.6448536269514722;

std::vector<double> vec(const Eigen::VectorXd& x) { return {x.data(), x.data() + x.size()}; }

std::vector<double> column(const Eigen::MatrixXd& m, Eigen::Index c) {
  std::vector<double> v(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) v[static_cast<std::size_t>(r)] = m(r, c);
  return v;
}

std::string label_of(const model::Scenario& sc) {
  std::string s = sc.name;
  for (std::size_t i = 0; i < sc.applied_policies.size(); ++i) s += (i ? ", " : " + ") + sc.applied_policies[i];
  return s;
}

// Quarter columns grouped by calendar year, in order.
std::map<int, std::vector<Eigen::Index>> quarters_by_year(const Periods& periods) {
  std::map<int, std::vector<Eigen::Index>> out;
  for (std::size_t q = 0; q < periods.quarters.size(); ++q)
    out[(periods.origin + periods.quarters[q].begin).ymd().year].push_back(static_cast<Eigen::Index>(q));
  return out;
}

}  // namespace

PairedStat paired(std::string metric, std::string period, const std::vector<double>& base,
                  const std::vector<double>& variant) {
  PairedStat s;
  s.metric = std::move(metric);
  s.period = std::move(period);
  std::vector<double> diff;
  double sb = 0, sv = 0;
  for (std::size_t r = 0; r < std::min(base.size(), variant.size()); ++r) {
    if (std::isnan(base[r]) || std::isnan(variant[r])) continue;
    diff.push_back(variant[r] - base[r]);
    sb += base[r];
    sv += variant[r];
  }
  s.n = diff.size();
  if (diff.empty()) {
    s.base_mean = s.variant_mean = s.diff_mean = s.ci90_low = s.ci90_high = s.p05 = s.p95 = kNever;
    return s;
  }
  const double n = static_cast<double>(diff.size());
  s.base_mean = sb / n;
  s.variant_mean = sv / n;
  double sum = 0;
  for (double d : diff) sum += d;
  s.diff_mean = sum / n;
  double ss = 0;
  for (double d : diff) ss += (d - s.diff_mean) * (d - s.diff_mean);
  const double se = diff.size() > 1 ? std::sqrt(ss / (n - 1) / n) : 0.0;
  s.ci90_low = s.diff_mean - kZ90 * se;
  s.ci90_high = s.diff_mean + kZ90 * se;
  s.p05 = quantile(diff, 0.05);
  s.p95 = quantile(diff, 0.95);
  return s;
}

PairedStat paired_ratio(std::string metric, std::string period, const Eigen::VectorXd& base_num,
                        const Eigen::VectorXd& base_den, const Eigen::VectorXd& variant_num,
                        const Eigen::VectorXd& variant_den) {
  PairedStat s;
  s.metric = std::move(metric);
  s.period = std::move(period);
  const Eigen::Index n = std::min(base_num.size(), variant_num.size());
  s.n = static_cast<std::size_t>(n);
  const double db = base_den.head(n).sum(), dv = variant_den.head(n).sum();
  if (n == 0 || db <= 0 || dv <= 0) {
    s.base_mean = s.variant_mean = s.diff_mean = s.ci90_low = s.ci90_high = s.p05 = s.p95 = kNever;
    return s;
  }
  s.base_mean = base_num.head(n).sum() / db;
  s.variant_mean = variant_num.head(n).sum() / dv;
  s.diff_mean = s.variant_mean - s.base_mean;
  // Linearised per-replication contributions to the difference of ratios.
  const double mb = db / static_cast<double>(n), mv = dv / static_cast<double>(n);
  std::vector<double> z(static_cast<std::size_t>(n)), diff;
  for (Eigen::Index r = 0; r < n; ++r) {
    z[static_cast<std::size_t>(r)] = (variant_num[r] - s.variant_mean * variant_den[r]) / mv -
                                     (base_num[r] - s.base_mean * base_den[r]) / mb;
    if (base_den[r] > 0 && variant_den[r] > 0) diff.push_back(variant_num[r] / variant_den[r] - base_num[r] / base_den[r]);
  }
  double ss = 0;
  for (double x : z) ss += x * x;  // z has mean zero by construction
  const double se = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1) / static_cast<double>(n)) : 0.0;
  s.ci90_low = s.diff_mean - kZ90 * se;
  s.ci90_high = s.diff_mean + kZ90 * se;
  s.p05 = diff.empty() ? kNever : quantile(diff, 0.05);
  s.p95 = diff.empty() ? kNever : quantile(diff, 0.95);
  return s;
}

const char* approval_metric(ApprovalMeasure m) {
  switch (m) {
    case from_entry: return "approval_days";
    case from_entry_clock: return "approval_clock_days";
    case from_start: return "approval_days_since_start";
    case from_start_clock: return "approval_clock_days_since_start";
    case kApprovalMeasures: break;
  }
  return "";
}

std::vector<PairedSeries> paired_series(const model::Scenario& sc, const MonteCarloForecast& mc) {
  std::vector<PairedSeries> out;
  const Periods& periods = mc.periods;
  const auto reps = static_cast<std::size_t>(mc.replications);
  // Cumulative share of the start candidates started by the end of each quarter.
  std::vector<double> started(reps, 0.0);
  std::vector<PairedSeries> shares, rates, key_started;  // after the investment series: one table per metric
  for (const auto& [year, quarters] : quarters_by_year(periods)) {
    std::vector<double> total(reps, 0.0);
    for (Eigen::Index q : quarters) {
      const std::string& label = periods.quarters[static_cast<std::size_t>(q)].label;
      std::vector<double> inv = column(mc.quarter_investment, q);
      for (std::size_t r = 0; r < reps; ++r) total[r] += inv[r], started[r] += mc.quarter_started(static_cast<Eigen::Index>(r), q);
      out.push_back({"investment", label, std::move(inv), {}});
      if (sc.annual_plan && *sc.annual_plan > 0) {
        std::vector<double> share = column(mc.quarter_ytd, q);
        for (double& x : share) x /= *sc.annual_plan;
        shares.push_back({"share_of_plan", label, std::move(share), {}});
      }
      std::vector<double> rate(started);
      for (double& x : rate) x = mc.start_candidates > 0 ? x / mc.start_candidates : kNever;
      rates.push_back({"start_rate", label, std::move(rate), {}});
      if (mc.key_start_candidates > 0) {
        std::vector<double> key(reps);
        for (std::size_t r = 0; r < reps; ++r) key[r] = mc.key_start_candidates - mc.key_not_started(static_cast<Eigen::Index>(r), q);
        key_started.push_back({"key_started", label, std::move(key), {}});
      }
    }
    out.push_back({"investment", std::to_string(year), total, {}});
    rates.push_back({"start_rate", std::to_string(year), rates.back().values, {}});
    if (!key_started.empty()) key_started.push_back({"key_started", std::to_string(year), key_started.back().values, {}});
  }
  out.insert(out.end(), shares.begin(), shares.end());
  out.insert(out.end(), rates.begin(), rates.end());
  out.insert(out.end(), key_started.begin(), key_started.end());
  const std::string horizon = periods.horizon_label();
  for (std::size_t m = 0; m < kApprovalMeasures; ++m) {
    const ApprovalTime& a = mc.approval[m];
    out.push_back({approval_metric(static_cast<ApprovalMeasure>(m)), horizon, vec(a.sum_by_rep), vec(a.count_by_rep)});
  }
  for (std::size_t m = 0; m < kApprovalMeasures; ++m) {  // the same for key projects
    const ApprovalTime& a = mc.approval[m];
    out.push_back({std::string(approval_metric(static_cast<ApprovalMeasure>(m))) + ":key", horizon, vec(a.key_sum_by_rep),
                   vec(a.key_count_by_rep)});
  }
  for (std::size_t a = 0; a < sc.agencies.size(); ++a) {
    const auto c = static_cast<Eigen::Index>(a);
    out.push_back({"wait:" + sc.agencies[a].id, horizon, vec(mc.agency_wait_sum_by_rep.col(c)), vec(mc.agency_served_by_rep.col(c))});
  }
  return out;
}

std::vector<PairedStat> compare_series(const std::vector<PairedSeries>& base, const std::vector<PairedSeries>& variant) {
  std::vector<PairedStat> rows;
  for (const PairedSeries& b : base)
    for (const PairedSeries& v : variant) {
      if (v.metric != b.metric || v.period != b.period) continue;
      if (b.denominators.empty())
        rows.push_back(paired(b.metric, b.period, b.values, v.values));
      else
        rows.push_back(paired_ratio(b.metric, b.period, Eigen::Map<const Eigen::VectorXd>(b.values.data(), static_cast<Eigen::Index>(b.values.size())),
                                    Eigen::Map<const Eigen::VectorXd>(b.denominators.data(), static_cast<Eigen::Index>(b.denominators.size())),
                                    Eigen::Map<const Eigen::VectorXd>(v.values.data(), static_cast<Eigen::Index>(v.values.size())),
                                    Eigen::Map<const Eigen::VectorXd>(v.denominators.data(), static_cast<Eigen::Index>(v.denominators.size()))));
      break;
    }
  return rows;
}

Comparison compare_forecasts(const model::Scenario& base_sc, const MonteCarloForecast& base,
                             const model::Scenario& variant_sc, const MonteCarloForecast& variant) {
  return {label_of(base_sc), label_of(variant_sc), compare_series(paired_series(base_sc, base), paired_series(variant_sc, variant))};
}

}  // namespace kpsim::report
