#include "sim/engine/rcpsp.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"

namespace kpsim::engine {
namespace {

std::size_t index(int job) { return static_cast<std::size_t>(job - 1); }

// Earliest and latest start times without resources (jobs are numbered
// so that every successor has a higher number in PSPLIB, but do not rely on
// it: order topologically).
struct Times {
  std::vector<int> es, ls;
  int length = 0;
};

std::vector<int> topological(const model::RcpspInstance& inst) {
  const std::size_t n = inst.jobs.size();
  std::vector<int> indegree(n, 0), order;
  for (const auto& j : inst.jobs)
    for (int s : j.successors) ++indegree[index(s)];
  std::vector<int> ready;
  for (std::size_t i = n; i-- > 0;)
    if (indegree[i] == 0) ready.push_back(static_cast<int>(i + 1));
  while (!ready.empty()) {
    const int j = ready.back();
    ready.pop_back();
    order.push_back(j);
    for (int s : inst.jobs[index(j)].successors)
      if (--indegree[index(s)] == 0) ready.push_back(s);
  }
  return order;  // shorter than n if there is a cycle (compile reports it)
}

Times times(const model::RcpspInstance& inst) {
  const std::size_t n = inst.jobs.size();
  Times t;
  t.es.assign(n, 0);
  const std::vector<int> order = topological(inst);
  for (int j : order)
    for (int s : inst.jobs[index(j)].successors)
      t.es[index(s)] = std::max(t.es[index(s)], t.es[index(j)] + inst.jobs[index(j)].duration);
  for (std::size_t i = 0; i < n; ++i) t.length = std::max(t.length, t.es[i] + inst.jobs[i].duration);
  t.ls.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) t.ls[i] = t.length - inst.jobs[i].duration;
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    for (int s : inst.jobs[index(*it)].successors)
      t.ls[index(*it)] = std::min(t.ls[index(*it)], t.ls[index(s)] - inst.jobs[index(*it)].duration);
  return t;
}

}  // namespace

const std::vector<std::pair<std::string, PriorityRule>>& priority_rules() {
  static const std::vector<std::pair<std::string, PriorityRule>> rules{
      {"lft", PriorityRule::lft}, {"lst", PriorityRule::lst},   {"mts", PriorityRule::mts},
      {"grpw", PriorityRule::grpw}, {"spt", PriorityRule::spt}, {"mslk", PriorityRule::mslk}};
  return rules;
}

std::string_view rule_name(PriorityRule r) {
  for (const auto& [name, rule] : priority_rules())
    if (rule == r) return name;
  return "?";
}

int critical_path_length(const model::RcpspInstance& inst) { return times(inst).length; }

std::vector<double> job_ranks(const model::RcpspInstance& inst, PriorityRule rule) {
  const std::size_t n = inst.jobs.size();
  const Times t = times(inst);
  std::vector<double> rank(n, 0.0);
  if (rule == PriorityRule::mts) {
    // Total successors: the size of each job's reachable set.
    const std::vector<int> order = topological(inst);
    std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      auto& r = reach[index(*it)];
      for (int s : inst.jobs[index(*it)].successors) {
        r[index(s)] = true;
        for (std::size_t k = 0; k < n; ++k)
          if (reach[index(s)][k]) r[k] = true;
      }
    }
    for (std::size_t i = 0; i < n; ++i) rank[i] = -static_cast<double>(std::count(reach[i].begin(), reach[i].end(), true));
    return rank;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const model::RcpspJob& j = inst.jobs[i];
    switch (rule) {
      case PriorityRule::lft: rank[i] = t.ls[i] + j.duration; break;
      case PriorityRule::lst: rank[i] = t.ls[i]; break;
      case PriorityRule::spt: rank[i] = j.duration; break;
      case PriorityRule::mslk: rank[i] = t.ls[i] - t.es[i]; break;
      case PriorityRule::grpw: {
        double w = j.duration;
        for (int s : j.successors) w += inst.jobs[index(s)].duration;
        rank[i] = -w;
        break;
      }
      case PriorityRule::mts: break;
    }
  }
  return rank;
}

model::Scenario rcpsp_scenario(const model::RcpspInstance& inst, const std::vector<double>& ranks) {
  model::Scenario s;
  s.name = inst.name;
  s.file = inst.file;
  s.start = *core::parse_iso_date("2026-01-01");
  int total = 1;
  for (const auto& j : inst.jobs) total += j.duration;
  s.end = s.start + std::min(total, 50 * 365);
  model::CalendarSpec every_day;
  every_day.id = "days";
  every_day.pattern.weekday_works.fill(true);
  s.calendars.push_back(every_day);
  // The dispatcher holds one unit per job it started: never the constraint.
  s.agencies.push_back({"dispatch", "dispatch", static_cast<int>(inst.jobs.size()), "days", model::Discipline::priority, {}});
  for (std::size_t k = 0; k < inst.capacity.size(); ++k) {
    const std::string id = "R" + std::to_string(k + 1);
    s.agencies.push_back({id, id, std::max(1, inst.capacity[k]), "days", model::Discipline::fifo, {}});
  }
  model::Template t;
  t.id = t.family = "rcpsp";
  std::vector<std::vector<std::string>> preds(inst.jobs.size());
  for (const auto& j : inst.jobs)
    for (int succ : j.successors) preds[index(succ)].push_back(std::to_string(j.number));
  for (const auto& j : inst.jobs) {
    model::Step step;
    step.id = std::to_string(j.number);
    step.name = "job " + step.id;
    step.type = model::StepType::approval;
    step.agency = "dispatch";
    step.needs.push_back({"dispatch", 1});
    for (std::size_t k = 0; k < j.demand.size(); ++k)
      if (j.demand[k] > 0) step.needs.push_back({"R" + std::to_string(k + 1), j.demand[k]});
    step.calendar = "days";
    step.duration = core::Distribution::fixed(j.duration);
    step.after = preds[index(j.number)];
    step.priority = ranks[index(j.number)];
    step.loc = j.loc;
    t.steps.push_back(std::move(step));
  }
  s.templates.push_back(std::move(t));
  model::Project p;
  p.id = p.name = inst.name;
  p.template_id = "rcpsp";
  p.investment = 1;
  s.projects.push_back(std::move(p));
  return s;
}

RcpspSchedule schedule_rcpsp(const model::RcpspInstance& inst, PriorityRule rule) {
  const model::Scenario s = rcpsp_scenario(inst, job_ranks(inst, rule));
  const Network net = compile(s);
  const Replication rep = simulate(net, 0, 0, {.deterministic = true});
  RcpspSchedule out;
  out.start.assign(inst.jobs.size(), 0);
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    const std::size_t job = net.tasks[t].step;  // steps are listed in job order
    out.start[job] = static_cast<int>(std::lround(rep.trace.start(t)));
    out.makespan = std::max(out.makespan, static_cast<int>(std::lround(rep.trace.finish(t))));
  }
  return out;
}

std::optional<std::string> infeasibility(const model::RcpspInstance& inst, const std::vector<int>& start) {
  int end = 0;
  for (const auto& j : inst.jobs) {
    end = std::max(end, start[index(j.number)] + j.duration);
    if (start[index(j.number)] < 0) return "job " + std::to_string(j.number) + " starts before 0";
    for (int s : j.successors)
      if (start[index(s)] < start[index(j.number)] + j.duration)
        return "job " + std::to_string(s) + " starts at " + std::to_string(start[index(s)]) + ", before its predecessor " +
               std::to_string(j.number) + " ends at " + std::to_string(start[index(j.number)] + j.duration);
  }
  for (int time = 0; time < end; ++time)
    for (std::size_t k = 0; k < inst.capacity.size(); ++k) {
      int used = 0;
      for (const auto& j : inst.jobs)
        if (start[index(j.number)] <= time && time < start[index(j.number)] + j.duration) used += j.demand[k];
      if (used > inst.capacity[k])
        return "R" + std::to_string(k + 1) + " is used " + std::to_string(used) + " at time " + std::to_string(time) +
               ", its capacity is " + std::to_string(inst.capacity[k]);
    }
  return std::nullopt;
}

}  // namespace kpsim::engine
