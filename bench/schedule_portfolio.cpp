// The deterministic path end to end: compile a portfolio (the quickstart's
// projects repeated) and schedule it with CPM, and integrate its spend.
#include <benchmark/benchmark.h>

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/report/forecast.hpp"

namespace {

kpsim::model::Scenario portfolio(std::size_t copies) {
  kpsim::model::Scenario s = kpsim::input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const auto base = s.projects;
  s.projects.clear();
  for (std::size_t c = 0; c < copies; ++c)
    for (auto p : base) {
      p.id.append("-").append(std::to_string(c));
      s.projects.push_back(std::move(p));
    }
  return s;
}

void BM_CompilePortfolio(benchmark::State& state) {
  const auto s = portfolio(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(kpsim::engine::compile(s));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.projects.size()));
}
BENCHMARK(BM_CompilePortfolio)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_SchedulePortfolioCpm(benchmark::State& state) {
  const auto net = kpsim::engine::compile(portfolio(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(kpsim::engine::schedule_cpm(net));
  state.SetItemsProcessed(state.iterations() * net.task_count());
  state.counters["tasks"] = net.task_count();
}
BENCHMARK(BM_SchedulePortfolioCpm)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_ForecastPortfolio(benchmark::State& state) {
  const auto net = kpsim::engine::compile(portfolio(static_cast<std::size_t>(state.range(0))));
  const auto cpm = kpsim::engine::schedule_cpm(net);
  for (auto _ : state) benchmark::DoNotOptimize(kpsim::report::make_forecast(net, cpm.early));
  state.SetItemsProcessed(state.iterations() * net.task_count());
}
BENCHMARK(BM_ForecastPortfolio)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
