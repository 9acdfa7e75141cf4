// libFuzzer target: any bytes as a PSPLIB file must end in schedules (which
// must be feasible) or a located input error — never a crash, a sanitizer
// report or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/engine/rcpsp.hpp"
#include "sim/input/read_psplib.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const kpsim::model::RcpspInstance inst = kpsim::input::load_psplib_text(text, KPSIM_SOURCE_DIR "/fuzz.sm");
    if (inst.jobs.size() > 200) return 0;  // keep an input's cost bounded
    long long total = 0;
    for (const auto& j : inst.jobs) total += j.duration;
    if (total > 100'000) return 0;  // the feasibility check walks every time unit
    const auto schedule = kpsim::engine::schedule_rcpsp(inst, kpsim::engine::PriorityRule::lft);
    if (kpsim::engine::infeasibility(inst, schedule.start)) __builtin_trap();
  } catch (const kpsim::model::InputError& e) {
    for (const auto& d : e.diagnostics())
      if (d.where.file.empty()) __builtin_trap();  // every error names its file
  }
  return 0;
}
