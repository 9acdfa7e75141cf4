// Working-time arithmetic is on the engine's hot path (every task start and
// finish goes through it), so it must be O(1) and cheap.
#include <benchmark/benchmark.h>

#include "sim/core/calendar.hpp"
#include "sim/input/read_calendars.hpp"

namespace {

kpsim::core::Calendar office_calendar() {
  kpsim::model::CalendarSpec spec;
  kpsim::model::Diagnostics diag;
  kpsim::input::read_holiday_file(KPSIM_SOURCE_DIR "/scenarios/calendars/cn-holidays.yaml", spec, diag);
  return kpsim::core::make_calendar(spec.pattern, *kpsim::core::parse_iso_date("2026-01-01"), 10 * 365);
}

void BM_CalendarFinish(benchmark::State& state) {
  const auto cal = office_calendar();
  double t = 0, sink = 0;
  for (auto _ : state) {
    sink += cal.finish(t, 17.25);
    t += 0.37;
    if (t > 3000) t = 0;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CalendarFinish);

void BM_CalendarNextWorking(benchmark::State& state) {
  const auto cal = office_calendar();
  double t = 0, sink = 0;
  for (auto _ : state) {
    sink += cal.next_working(t);
    t += 0.73;
    if (t > 3000) t = 0;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CalendarNextWorking);

}  // namespace
