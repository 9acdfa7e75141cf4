#include "sim/report/sensitivity_ranking.hpp"

#include <algorithm>
#include <cmath>

namespace kpsim::report {
namespace {

std::vector<double> column(const Eigen::MatrixXd& m, Eigen::Index c) {
  std::vector<double> v(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) v[static_cast<std::size_t>(r)] = m(r, c);
  return v;
}

}  // namespace

std::vector<SensitivityOutput> sensitivity_outputs(const model::Scenario& sc, const MonteCarloForecast& mc) {
  std::vector<SensitivityOutput> out;
  const auto reps = static_cast<std::size_t>(mc.replications);
  const Eigen::VectorXd& h = mc.horizon_investment;
  out.push_back({"investment", mc.periods.horizon_label(), std::vector<double>(h.data(), h.data() + h.size())});
  for (std::size_t q = 0; q < mc.periods.quarters.size(); ++q)
    out.push_back({"investment", mc.periods.quarters[q].label, column(mc.quarter_investment, static_cast<Eigen::Index>(q))});
  std::vector<double> started(reps, 0.0), key_started(reps, 0.0);
  for (std::size_t r = 0; r < reps; ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    started[r] = mc.quarter_started.row(row).sum();
    if (mc.key_not_started.cols() > 0)
      key_started[r] = mc.key_start_candidates - mc.key_not_started(row, mc.key_not_started.cols() - 1);
  }
  out.push_back({"started", mc.periods.horizon_label(), std::move(started)});
  if (mc.key_start_candidates > 0) out.push_back({"key_started", mc.periods.horizon_label(), std::move(key_started)});
  for (std::size_t k = 0; k < sc.sensitivity_projects.size(); ++k) {
    const std::string& id = sc.projects[sc.sensitivity_projects[k]].id;
    out.push_back({"start", id, column(mc.sensitivity_start, static_cast<Eigen::Index>(k))});
    out.push_back({"completion", id, column(mc.sensitivity_completion, static_cast<Eigen::Index>(k))});
  }
  return out;
}

InputRanking::InputRanking(const MonteCarloForecast& mc) {
  for (std::size_t i = 0; i < mc.sensitivity.size(); ++i) {
    Input in;
    in.values = column(mc.sensitivity_inputs, static_cast<Eigen::Index>(i));
    double sum = 0;
    std::size_t n = 0;
    for (double v : in.values)
      if (!std::isnan(v)) sum += v, ++n;
    in.mean = n ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
    if (n == in.values.size()) in.ranks = average_ranks(in.values);
    inputs_.push_back(std::move(in));
  }
}

std::vector<RankedInput> InputRanking::rank(const std::vector<double>& output) const {
  const bool complete = std::none_of(output.begin(), output.end(), [](double v) { return std::isnan(v); });
  const std::vector<double> output_ranks = complete ? average_ranks(output) : std::vector<double>{};
  std::vector<RankedInput> ranked;
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    const Input& in = inputs_[i];
    const RankCorrelation c = complete && !in.ranks.empty() ? correlation_of_ranks(in.ranks, output_ranks)
                                                            : rank_correlation(in.values, output);
    ranked.push_back({i, c, in.mean});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedInput& a, const RankedInput& b) {
    if (a.correlation.varies != b.correlation.varies) return a.correlation.varies;
    return std::abs(a.correlation.rho) > std::abs(b.correlation.rho);
  });
  return ranked;
}

}  // namespace kpsim::report
