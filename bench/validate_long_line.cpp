// Reading a scenario whose calendar lists many dates: in one flow list on a
// single line, or one date per line. Locating every value is linear in the
// file either way (columns are counted from checkpoints, not from the start
// of the line), so the two cost about the same per date.
#include <benchmark/benchmark.h>

#include <string>

#include "sim/core/date.hpp"
#include "sim/input/load_scenario.hpp"

namespace kpsim {
namespace {

std::string scenario(std::int64_t dates, bool one_line) {
  std::string off;
  const core::Date first = core::Date::from_ymd({2026, 1, 1});
  for (std::int64_t i = 0; i < dates; ++i) {
    const std::string d = (first + static_cast<std::int32_t>(i % 3650)).iso();
    off += one_line ? (i ? ", " : "") + d : "\n      - " + d;
  }
  return "kpsim: 1\nname: long\nstart: 2026-01-01\nend: 2026-12-31\ncalendars:\n  office:\n    week: [mon, tue, wed, thu, fri]\n"
         "    off:" + (one_line ? " [" + off + "]" : off) +
         "\nagencies:\n  ndrc: {capacity: 1, calendar: office}\ntemplates:\n  t:\n    calendar: office\n    steps:\n"
         "      - {id: a, agency: ndrc, duration: 5, after: []}\n      - {id: b, type: construction, duration: 5, share: 1}\n"
         "projects:\n  - {id: P, name: P, template: t, investment: 1}\n";
}

void load(benchmark::State& state, bool one_line) {
  const std::string text = scenario(state.range(0), one_line);
  for (auto _ : state) benchmark::DoNotOptimize(input::load_scenario_text(text, "long.yaml"));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_LoadDatesOnOneLine(benchmark::State& state) { load(state, true); }
void BM_LoadDatesOnePerLine(benchmark::State& state) { load(state, false); }
BENCHMARK(BM_LoadDatesOnOneLine)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_LoadDatesOnePerLine)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
}  // namespace kpsim
