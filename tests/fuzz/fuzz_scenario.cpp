// libFuzzer target: any bytes as a scenario file, its policies applied, must
// end in a compiled scenario or a located input error — never a crash, a
// sanitizer report or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/policy/apply_policies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // Beside the shipped scenarios, so that the holiday include resolves.
    const kpsim::model::Scenario s = kpsim::input::load_scenario_text(text, KPSIM_SOURCE_DIR "/scenarios/fuzz.yaml");
    kpsim::engine::compile(kpsim::policy::apply_policies(s));
  } catch (const kpsim::model::InputError& e) {
    for (const auto& d : e.diagnostics())
      if (d.where.file.empty()) __builtin_trap();  // every error names its file
  }
  return 0;
}
