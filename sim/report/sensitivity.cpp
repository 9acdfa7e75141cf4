#include "sim/report/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kpsim::report {

std::vector<SensitivityInput> sensitivity_inputs(const engine::Network& net, const std::vector<std::uint32_t>& projects) {
  std::vector<SensitivityInput> inputs;
  std::vector<std::uint8_t> ran(net.rules.size(), 0);
  for (std::size_t t = 0; t < net.tasks.size(); ++t)
    if (!net.tasks[t].done_at_start && !net.tasks[t].skipped) ran[net.hot[t].rule] = 1;
  for (std::uint32_t r = 0; r < net.rules.size(); ++r)
    if (ran[r]) inputs.push_back({DriverKind::step, r});
  for (std::uint32_t r = 0; r < net.risks.size(); ++r) inputs.push_back({DriverKind::risk, r});
  for (std::uint32_t a = 0; a < net.agency_capacity.size(); ++a) inputs.push_back({DriverKind::agency, a});
  for (std::uint32_t p : projects)
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      if (!net.tasks[t].done_at_start && !net.tasks[t].skipped) inputs.push_back({DriverKind::project_step, t});
  return inputs;
}

void record_inputs(const std::vector<SensitivityInput>& inputs, const engine::Network& net,
                   const engine::Replication& rep, std::vector<double>& out) {
  out.assign(inputs.size(), std::numeric_limits<double>::quiet_NaN());
  if (inputs.empty()) return;
  // A task's working days from its start to its finish, on its calendar.
  auto worked = [&](std::size_t t) {
    const double s = rep.trace.start(t), f = rep.trace.finish(t);
    if (!std::isfinite(s) || !std::isfinite(f)) return std::numeric_limits<double>::quiet_NaN();
    const core::Calendar& c = rep.calendars[net.tasks[t].calendar];
    return c.work_before(f) - c.work_before(s);
  };
  std::vector<double> sum(net.rules.size(), 0.0);
  std::vector<std::uint32_t> count(net.rules.size(), 0);
  for (std::size_t t = 0; t < net.tasks.size(); ++t) {
    if (net.tasks[t].done_at_start || net.tasks[t].skipped) continue;
    const double w = worked(t);
    if (std::isnan(w)) continue;
    sum[net.hot[t].rule] += w;
    ++count[net.hot[t].rule];
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const SensitivityInput& in = inputs[i];
    switch (in.kind) {
      case DriverKind::step:
        if (count[in.index]) out[i] = sum[in.index] / count[in.index];
        break;
      case DriverKind::risk: out[i] = rep.risk_hits[in.index]; break;
      case DriverKind::agency: {
        const engine::AgencyStats& a = rep.agency[in.index];
        if (a.served) out[i] = a.wait_sum / a.served;
        break;
      }
      case DriverKind::project_step: out[i] = worked(in.index); break;
    }
  }
}

std::vector<double> average_ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double average = 0.5 * static_cast<double>(i + j) + 1;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

RankCorrelation rank_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> a, b;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) a.push_back(x[i]), b.push_back(y[i]);
  if (a.size() < 4) return {0, 0, 0, a.size(), false};
  return correlation_of_ranks(average_ranks(a), average_ranks(b));
}

RankCorrelation correlation_of_ranks(const std::vector<double>& ra, const std::vector<double>& rb) {
  RankCorrelation c;
  c.n = ra.size();
  if (c.n < 4) return c;
  const double mean = 0.5 * static_cast<double>(c.n + 1);
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < c.n; ++i) {
    const double da = ra[i] - mean, db = rb[i] - mean;
    sab += da * db, saa += da * da, sbb += db * db;
  }
  c.varies = saa > 0 && sbb > 0;
  if (c.varies) c.rho = std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
  // Fisher's z, its standard error for a rank correlation sqrt(1.06 / (n − 3)).
  const double z = std::atanh(std::clamp(c.rho, -0.999999, 0.999999));
  const double half = 1.6448536269514722 * std::sqrt(1.06 / static_cast<double>(c.n - 3));
  c.ci90_low = std::tanh(z - half);
  c.ci90_high = std::tanh(z + half);
  return c;
}

}  // namespace kpsim::report
