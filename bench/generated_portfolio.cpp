// The generated portfolio (`kpsim generate --projects N`): compile, one
// replication, and a whole `kpsim run`; events per second, ns per event and
// bytes of memory per task.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/cli/commands.hpp"
#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/synth/generate.hpp"
#include "sim/input/load_scenario.hpp"
#include "replication_loop.hpp"

namespace {

namespace fs = std::filesystem;
using namespace kpsim;

// The generated files of N projects, written once per process.
std::string scenario_file(std::uint32_t projects) {
  const fs::path dir = fs::temp_directory_path() / "kpsim-bench";
  fs::create_directories(dir);
  const fs::path yaml = dir / ("g" + std::to_string(projects) + ".yaml");
  if (!fs::exists(yaml)) {
    const synth::GeneratedFiles f = synth::generate_portfolio(projects, 1, yaml.stem().string() + "-projects.csv");
    std::ofstream(dir / (yaml.stem().string() + "-projects.csv")) << f.projects_csv;
    std::ofstream(yaml) << f.scenario_yaml;
  }
  return yaml.string();
}


void BM_CompileGenerated(benchmark::State& state) {
  const model::Scenario s = input::load_scenario(scenario_file(static_cast<std::uint32_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(engine::compile(s));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CompileGenerated)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ReplicationGenerated(benchmark::State& state) {
  const engine::Network net = engine::compile(input::load_scenario(scenario_file(static_cast<std::uint32_t>(state.range(0)))));
  engine::Simulator sim(net);
  bench::time_replications(state, sim, 1);
  state.counters["bytes_per_task"] = static_cast<double>(net.task_bytes() + sim.task_bytes()) / net.task_count();
}
BENCHMARK(BM_ReplicationGenerated)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// `kpsim run` end to end, as a user starts it: read, compile, 100
// replications on one thread, write the result files.
void BM_RunGenerated(benchmark::State& state) {
  cli::RunOptions o;
  o.scenario = scenario_file(static_cast<std::uint32_t>(state.range(0)));
  o.out_dir = (fs::temp_directory_path() / "kpsim-bench" / "run").string();
  o.replications = 100;
  o.threads = 1;
  std::ostringstream out, err;
  for (auto _ : state) cli::run(o, out, err);
  state.SetItemsProcessed(state.iterations() * 100);  // replications
}
BENCHMARK(BM_RunGenerated)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
