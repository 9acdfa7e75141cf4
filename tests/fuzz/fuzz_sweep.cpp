// libFuzzer target: any bytes as a sweep file (beside the shipped sweeps, so
// that `base: ../quickstart.yaml` resolves) must end in prepared variants or
// a located input error — never a crash, a sanitizer report or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/input/read_sweep.hpp"
#include "sim/sweep/expand.hpp"
#include "sim/sweep/variant_scenarios.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const kpsim::model::SweepSpec spec = kpsim::input::load_sweep_text(text, KPSIM_SOURCE_DIR "/scenarios/sweeps/fuzz.yaml");
    // Each variant reads and compiles a scenario: keep an input's cost bounded.
    if (kpsim::sweep::expand(spec).variants.size() <= 16) kpsim::sweep::prepare_sweep(spec);
  } catch (const kpsim::model::InputError& e) {
    for (const auto& d : e.diagnostics())
      if (d.where.file.empty()) __builtin_trap();  // every error names its file
  }
  return 0;
}
