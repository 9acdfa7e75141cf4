#include "sim/engine/replication_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/rng.hpp"
#include "sim/core/sample.hpp"

namespace kpsim::engine {
namespace {

// Each copula's member factors for this replication: L · independent normals.
void draw_factors(const Network& net, std::uint64_t seed, std::uint32_t replication, Replication& rep) {
  std::size_t at = 0;
  for (const CopulaFactors& c : net.copulas) {
    double* z = rep.factors.data() + at;
    for (std::uint32_t i = 0; i < c.members; ++i) {
      auto rng = core::RngStream::keyed(seed, replication, c.hash, i, core::Purpose::copula);
      const double eps = core::normal_quantile(rng.uniform());
      for (std::uint32_t row = i; row < c.members; ++row) z[row] += c.cholesky[row * c.members + i] * eps;
    }
    at += c.members;
  }
}

// The first tasks of the arrival slots that come in this replication.
void collect_arriving_slots(const Network& net, const Replication& rep, Workspace& ws) {
  ws.slot_starts.clear();
  for (const ArrivalSlots& a : net.arrivals)
    for (std::uint32_t p = a.first_project; p < a.first_project + a.count; ++p) {
      if (!std::isfinite(rep.project_ready[p])) continue;
      for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
        if (!net.tasks[t].done_at_start && net.pred_count[t] == 0) ws.slot_starts.emplace_back(rep.project_ready[p], t);
    }
  std::sort(ws.slot_starts.begin(), ws.slot_starts.end());
}

// Which arrival slots come in this replication, when, and how large.
void draw_arrivals(const Network& net, std::uint64_t seed, std::uint32_t replication, Replication& rep) {
  std::copy(net.project_ready.begin(), net.project_ready.end(), rep.project_ready.begin());
  std::fill(rep.project_scale.begin(), rep.project_scale.end(), 1.0);
  std::copy(net.project_land.begin(), net.project_land.end(), rep.project_land.begin());
  for (const ArrivalSlots& a : net.arrivals) {
    auto times = core::RngStream::keyed(seed, replication, a.hash, 0, core::Purpose::arrival);
    double t = a.from_day;
    for (std::uint32_t k = 0; k < a.count; ++k) {
      const std::uint32_t p = a.first_project + k;
      double day;
      if (a.rate_per_day > 0) day = t += -std::log(times.uniform()) / a.rate_per_day;
      else day = a.dates[k];
      const bool arrives = a.rate_per_day > 0 ? day < a.to_day : true;
      if (!arrives) {
        rep.project_ready[p] = std::numeric_limits<double>::infinity();
        rep.project_scale[p] = 0;
        continue;
      }
      auto size = core::RngStream::keyed(seed, replication, a.hash, k + 1, core::Purpose::arrival);
      rep.project_ready[p] = day;
      rep.project_scale[p] = core::sample(a.investment, size);
      rep.project_land[p] = core::sample(a.land_mu, size);
    }
  }
}

// Each calendar month of a risky calendar loses a drawn number of its
// working days, chosen at random; every task on it sees the same days.
void draw_lost_days(const Network& net, std::uint64_t seed, std::uint32_t replication, Replication& rep,
                    Workspace& ws) {
  if (net.calendar_risks.empty()) return;
  for (std::uint16_t c = 0; c < net.calendars.size(); ++c) {
    auto& closed = ws.closed_scratch;
    closed.clear();
    bool risky = false;
    for (const CalendarRisk& risk : net.calendar_risks) {
      if (risk.calendar != c) continue;
      risky = true;
      const core::Calendar& base = net.calendars[c];
      for (std::uint32_t m = 0; m < net.lost_day_months.size(); ++m) {
        const MonthSpan& span = net.lost_day_months[m];
        if (!(risk.months_mask & (1u << (span.month - 1)))) continue;
        auto rng = core::RngStream::keyed(seed, replication, risk.hash, m, core::Purpose::calendar);
        auto& days = ws.month_days_scratch;
        days.clear();
        for (std::int32_t d = span.begin; d < span.end; ++d)
          if (base.is_working_day(d)) days.push_back(d);
        const double drawn = std::round(core::sample(risk.per_month, rng));
        const auto lost = static_cast<std::size_t>(std::clamp(drawn, 0.0, static_cast<double>(days.size())));
        for (std::size_t i = 0; i < lost; ++i) {  // partial Fisher–Yates
          const std::size_t j = i + static_cast<std::size_t>(rng.uniform() * static_cast<double>(days.size() - i));
          std::swap(days[i], days[std::min(j, days.size() - 1)]);
          closed.push_back(days[i]);
        }
      }
    }
    if (risky) rep.calendars[c].assign_with_closed_days(net.calendars[c], closed);
  }
}

}  // namespace

void draw_replication_inputs(const Network& net, std::uint64_t seed, std::uint32_t replication, Replication& rep,
                             Workspace& ws) {
  std::fill(rep.factors.begin(), rep.factors.end(), 0.0);
  draw_factors(net, seed, replication, rep);
  draw_lost_days(net, seed, replication, rep, ws);
  draw_arrivals(net, seed, replication, rep);
  collect_arriving_slots(net, rep, ws);
}

}  // namespace kpsim::engine
