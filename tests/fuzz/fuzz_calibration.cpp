// libFuzzer target: any bytes as a calibration file (in the bad-input
// catalogue's folder, so that `base: ../../../scenarios/quickstart.yaml`
// and its dispatch tables resolve) must end in a prepared calibration or a
// located input error — never a crash, a sanitizer report or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/calibrate/calibration.hpp"
#include "sim/input/read_calibration.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const kpsim::model::CalibrationSpec spec =
        kpsim::input::load_calibration_text(text, KPSIM_SOURCE_DIR "/tests/bad_inputs/calibration/fuzz.yaml");
    // Preparing reads the scenario twice per parameter: keep an input's cost bounded.
    if (spec.parameters.size() <= 2) kpsim::calibrate::prepare_calibration(spec, std::nullopt);
  } catch (const kpsim::model::InputError& e) {
    for (const auto& d : e.diagnostics())
      if (d.where.file.empty()) __builtin_trap();  // every error names its file
  }
  return 0;
}
