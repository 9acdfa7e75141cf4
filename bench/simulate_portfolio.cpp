// Engine throughput: one replication of a large portfolio, and the reference
// approval-pipeline model (../shared/reference-model) expressed as a kpsim
// network. Items are engine events, so the report shows events per second.
#include <benchmark/benchmark.h>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "replication_loop.hpp"

namespace {

using namespace kpsim;

// The quickstart's 12 projects repeated to `n`, with agencies, the land quota
// and arrivals scaled alike so that queues form as they do in the original.
model::Scenario city_portfolio(std::size_t n) {
  model::Scenario s = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const auto base = s.projects;
  const double scale = static_cast<double>(n) / static_cast<double>(base.size());
  s.projects.clear();
  for (std::size_t i = 0; i < n; ++i) {
    model::Project p = base[i % base.size()];
    p.id.append("-").append(std::to_string(i));
    s.projects.push_back(std::move(p));
  }
  for (auto& a : s.agencies) a.capacity = static_cast<int>(a.capacity * scale);
  for (auto& pool : s.land_pools)
    for (auto& r : pool.releases) r.mu *= scale;
  for (auto& a : s.arrivals) *a.per_month *= scale;
  return s;
}

void run_replications(benchmark::State& state, const engine::Network& net) {
  engine::Simulator sim(net);
  bench::time_replications(state, sim, 42);
}

void BM_SimulatePortfolio(benchmark::State& state) {
  const engine::Network net = engine::compile(city_portfolio(static_cast<std::size_t>(state.range(0))));
  run_replications(state, net);
}
BENCHMARK(BM_SimulatePortfolio)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// RM-AP v1: P projects, 8 approval steps at agencies k mod 5 (4 reviewers
// each, FIFO), exponential service with mean 10 days, then 200 days of
// construction; all projects ready at day 0 (variant B).
model::Scenario reference_model(std::size_t projects) {
  model::Scenario s;
  s.name = "rm-ap";
  s.start = *core::parse_iso_date("2026-01-01");
  s.end = *core::parse_iso_date("2026-12-31");
  model::CalendarSpec all;
  all.id = "all";
  all.pattern.weekday_works.fill(true);
  s.calendars.push_back(all);
  for (int a = 0; a < 5; ++a) s.agencies.push_back({"a" + std::to_string(a), "", 4, "all", model::Discipline::fifo, {}});
  model::Template t;
  t.id = "rm";
  for (int k = 0; k < 8; ++k) {
    model::Step step;
    step.id = "s" + std::to_string(k);
    step.agency = "a" + std::to_string(k % 5);
    step.needs = {{step.agency, 1}};
    step.calendar = "all";
    step.duration = {core::DistKind::exponential, 10.0, 0, 0};
    if (k > 0) step.after = {"s" + std::to_string(k - 1)};
    t.steps.push_back(step);
  }
  model::Step build;
  build.id = "construction";
  build.type = model::StepType::construction;
  build.calendar = "all";
  build.duration = core::Distribution::fixed(200);
  build.share = 1;
  build.after = {"s7"};
  t.steps.push_back(build);
  s.templates.push_back(t);
  for (std::size_t p = 0; p < projects; ++p) {
    model::Project pr;
    pr.id = "p" + std::to_string(p);
    pr.template_id = "rm";
    pr.investment = 1;
    s.projects.push_back(std::move(pr));
  }
  return s;
}

// Model events as the reference counts them: 10 per project (arrival, 8
// service ends, completion), whatever the engine's own event count.
void BM_SimulateReferenceModel(benchmark::State& state) {
  const auto projects = static_cast<std::size_t>(state.range(0));
  const engine::Network net = engine::compile(reference_model(projects));
  engine::Simulator sim(net);
  const engine::Replication& rep = sim.result();
  std::uint32_t r = 0;
  sim.run(12345, r++);  // untimed: what each replication of a run costs, not the first's reset (replication_loop.hpp)
  for (auto _ : state) sim.run(12345, r++);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 10 * projects));
  state.counters["engine_events_per_project"] = static_cast<double>(rep.events) / static_cast<double>(projects);
}
BENCHMARK(BM_SimulateReferenceModel)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
