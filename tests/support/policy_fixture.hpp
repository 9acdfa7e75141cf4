// A small network for policy tests: one template, a chain of approvals
// a(10) → b(20) → c(30) → permit(5), then construction earth(10) → main(20),
// every day a working day, agencies with room for everyone. Project P is in
// zone "park", Q is industrial. Without policies P runs a 0–10, b 10–30,
// c 30–60, permit 60–65, earth 65–75, main 75–95.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/policy/apply_policies.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::test {

inline std::string policy_scenario(const std::string& policies, int eco_capacity = 100) {
  return R"(kpsim: 1
name: policy-test
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  dev: {capacity: 100, calendar: days}
  plan: {capacity: 100, calendar: days}
  eco: {capacity: )" + std::to_string(eco_capacity) + R"(, calendar: days}
  build: {capacity: 100, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: a, agency: dev, stage: S1, duration: 10, limit: 10, after: []}
      - {id: b, agency: plan, stage: S1, duration: 20, limit: 20}
      - {id: c, agency: eco, stage: S1, duration: 30, limit: 30}
      - {id: permit, agency: build, stage: S2, duration: 5, limit: 5}
      - {id: earth, type: construction, duration: 10, share: 0.3}
      - {id: main, type: construction, duration: 20, share: 0.7}
projects:
  - {id: P, name: P, template: t, investment: 1, zone: park}
  - {id: Q, name: Q, template: t, investment: 1, kind: industrial}
)" + (policies.empty() ? "" : "policies:\n" + policies);
}

inline model::Scenario with_policies(const std::string& policies, int eco_capacity = 100) {
  return policy::apply_policies(input::load_scenario_text(policy_scenario(policies, eco_capacity), "policy-test.yaml"));
}

// Each step of a project: (start, finish) in days since the start date, from
// the engine with most likely durations; the deterministic schedule (CPM)
// must agree wherever capacity is ample.
using Dates = std::map<std::string, std::pair<double, double>>;

inline Dates dates_of(const model::Scenario& sc, const std::string& project, bool check_cpm = true) {
  const engine::Network net = engine::compile(sc);
  const engine::Replication rep = engine::simulate(net, sc.seed, 0, {.deterministic = true});
  const engine::CpmSchedule cpm = engine::schedule_cpm(net);
  std::uint32_t p = 0;
  while (sc.projects[p].id != project) ++p;
  const model::Template& t = *sc.find_template(sc.projects[p].template_id);
  Dates out;
  for (std::uint32_t i = net.project_begin[p]; i < net.project_begin[p + 1]; ++i) {
    out[t.steps[net.tasks[i].step].id] = {rep.trace.start(i), rep.trace.finish(i)};
    if (check_cpm && (rep.trace.start(i) != cpm.early.start(i) || rep.trace.finish(i) != cpm.early.finish(i)))
      out["cpm disagrees on " + t.steps[net.tasks[i].step].id] = {cpm.early.start(i), cpm.early.finish(i)};
  }
  return out;
}

inline std::pair<double, double> span(double start, double finish) { return {start, finish}; }

}  // namespace kpsim::test
