#include "sim/engine/simulate.hpp"

#include <algorithm>
#include <limits>

#include "sim/engine/event_loop.hpp"
#include "sim/engine/step_work.hpp"
#include "sim/engine/workspace.hpp"

namespace kpsim::engine {
namespace {

// Simulator::plain (simulate.hpp): what the plain engine (event_loop.hpp)
// leaves out, none of which the network may use. Reviewers' effort, skipped
// and part-done steps count as such machinery too.
bool is_plain(const Network& net) {
  const auto plain_rule = [](const StepRule& r) {
    return single_duration(r) && r.limit == std::numeric_limits<double>::infinity() && !r.deemed && r.type != model::StepType::land;
  };
  const auto plain_task = [](const TaskHot& h) {
    return h.need_count <= 1 && h.risk_count == 0 && !(h.flags & (TaskHot::kSkipped | TaskHot::kOverlapOut | TaskHot::kPartlyDone));
  };
  return net.risks.empty() && net.under_way.empty() && net.restarts.empty() && net.pool_discipline.empty() &&
         std::all_of(net.agency_discipline.begin(), net.agency_discipline.end(), [](model::Discipline d) { return d == model::Discipline::fifo; }) &&
         std::all_of(net.rules.begin(), net.rules.end(), plain_rule) && std::all_of(net.hot.begin(), net.hot.end(), plain_task);
}

}  // namespace

Replication::Replication(const Network& net) : calendars(net.calendars) {
  const std::size_t n = net.task_count(), agencies = net.agency_capacity.size();
  trace.times.resize(n);
  risk_hits.resize(net.risks.size());
  std::size_t members = 0;
  for (const auto& c : net.copulas) members += c.members;
  factors.resize(members);
  project_ready.resize(net.project_count());
  project_scale.resize(net.project_count());
  project_land.resize(net.project_count());
  land.resize(net.pool_discipline.size());
  agency.resize(agencies);
  agency_month_busy.assign(agencies * net.month_count(), 0.0);
}

Workspace::Workspace(const Network& net) {
  const std::size_t n = net.task_count(), agencies = net.agency_capacity.size();
  cold.resize(1);  // [0]: no record
  edge_released.resize(net.overlap_edges.size());
  land_available.resize(net.pool_discipline.size());
  land_waiting.resize(net.pool_discipline.size());
  project_key.resize(net.project_count());
  land_state.resize(net.project_count());
  land_asked.resize(net.project_count());
  land_waiters.resize(net.project_count());
  free_units.resize(agencies);
  queue_changed.resize(agencies);
  dispatch_due.resize(agencies);
  for (std::size_t a = 0; a < agencies; ++a) waitlists.emplace_back(net.agency_discipline[a]);
  event_set.reserve(n + 1);
}

void Workspace::prepare_general(const Network& net) {
  const std::size_t n = net.task_count();
  if (task.size() == n) return;
  task.resize(n);
  for (std::size_t t = 0; t < n; ++t) task[t].hot = net.hot[t];
}

Simulator::Simulator(const Network& net) : net_(&net), plain_(is_plain(net)), result_(net), work_(std::make_unique<Workspace>(net)) {}
Simulator::~Simulator() = default;
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;

const Replication& Simulator::run(std::uint64_t seed, std::uint32_t replication, const SimSettings& settings) {
  const bool general = !plain_ || settings.general_engine;
  if (general) {
    work_->prepare_general(*net_);
    run_event_loop<true>(*net_, seed, replication, settings, result_, *work_);
  } else {
    run_event_loop<false>(*net_, seed, replication, settings, result_, *work_);
  }
  result_.seed = seed;
  result_.replication = replication;
  result_.deterministic = settings.deterministic;
  return result_;
}

std::size_t Simulator::task_bytes() const {
  using core::capacity_bytes;
  const Replication& r = result_;
  const Workspace& w = *work_;
  return capacity_bytes(r.trace.times) + capacity_bytes(r.trace.extras) +
         capacity_bytes(w.task) + capacity_bytes(w.project_key) + capacity_bytes(w.cold) +
         capacity_bytes(w.cold_used) + capacity_bytes(w.edge_released);
}

Replication simulate(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings) {
  Simulator sim(net);
  sim.run(seed, replication, settings);
  return sim.result();
}

}  // namespace kpsim::engine
