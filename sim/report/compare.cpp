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

Comparison compare_forecasts(const model::Scenario& base_sc, const MonteCarloForecast& base,
                             const model::Scenario& variant_sc, const MonteCarloForecast& variant) {
  Comparison c{label_of(base_sc), label_of(variant_sc), {}};
  const Periods& periods = base.periods;
  // Cumulative share of the start candidates started by the end of each quarter.
  auto start_rate = [](const MonteCarloForecast& mc, const std::vector<Eigen::Index>& upto) {
    std::vector<double> v(static_cast<std::size_t>(mc.replications), 0.0);
    for (Eigen::Index q : upto)
      for (Eigen::Index r = 0; r < mc.quarter_started.rows(); ++r) v[static_cast<std::size_t>(r)] += mc.quarter_started(r, q);
    for (double& x : v) x = mc.start_candidates > 0 ? x / mc.start_candidates : kNever;
    return v;
  };
  std::vector<Eigen::Index> so_far;
  std::vector<PairedStat> rates, shares;  // after the investment rows: one table per metric
  // Year to date at the quarter's end over the annual plan (时间过半、任务过半).
  auto share_of_plan = [&](const MonteCarloForecast& mc, Eigen::Index q) {
    std::vector<double> v = column(mc.quarter_ytd, q);
    for (double& x : v) x /= *base_sc.annual_plan;
    return v;
  };
  for (const auto& [year, quarters] : quarters_by_year(periods)) {
    std::vector<double> yb(static_cast<std::size_t>(base.replications), 0.0), yv(static_cast<std::size_t>(variant.replications), 0.0);
    for (Eigen::Index q : quarters) {
      const auto b = column(base.quarter_investment, q), v = column(variant.quarter_investment, q);
      for (std::size_t r = 0; r < yb.size(); ++r) yb[r] += b[r];
      for (std::size_t r = 0; r < yv.size(); ++r) yv[r] += v[r];
      const std::string label = periods.quarters[static_cast<std::size_t>(q)].label;
      c.rows.push_back(paired("investment", label, b, v));
      so_far.push_back(q);
      rates.push_back(paired("start_rate", label, start_rate(base, so_far), start_rate(variant, so_far)));
      if (base_sc.annual_plan && *base_sc.annual_plan > 0)
        shares.push_back(paired("share_of_plan", label, share_of_plan(base, q), share_of_plan(variant, q)));
    }
    c.rows.push_back(paired("investment", std::to_string(year), yb, yv));
    rates.push_back(paired("start_rate", std::to_string(year), start_rate(base, so_far), start_rate(variant, so_far)));
  }
  c.rows.insert(c.rows.end(), shares.begin(), shares.end());
  c.rows.insert(c.rows.end(), rates.begin(), rates.end());
  for (std::size_t m = 0; m < kApprovalMeasures; ++m) {
    const ApprovalTime &b = base.approval[m], &v = variant.approval[m];
    c.rows.push_back(paired_ratio(approval_metric(static_cast<ApprovalMeasure>(m)), "run", b.sum_by_rep, b.count_by_rep,
                                  v.sum_by_rep, v.count_by_rep));
  }
  for (std::size_t a = 0; a < base_sc.agencies.size(); ++a) {
    const model::Agency* other = variant_sc.find_agency(base_sc.agencies[a].id);
    if (!other) continue;
    const auto va = static_cast<Eigen::Index>(other - variant_sc.agencies.data());
    const auto ba = static_cast<Eigen::Index>(a);
    c.rows.push_back(paired_ratio("wait:" + base_sc.agencies[a].id, "run", base.agency_wait_sum_by_rep.col(ba),
                                  base.agency_served_by_rep.col(ba), variant.agency_wait_sum_by_rep.col(va),
                                  variant.agency_served_by_rep.col(va)));
  }
  return c;
}

}  // namespace kpsim::report
