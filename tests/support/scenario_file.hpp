// A scenario written to a scratch file, read and compiled: for engine tests
// that are clearest as YAML.
#pragma once

#include <string>

#include "sim/engine/compile.hpp"
#include "sim/io/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::test {

struct ScenarioFile {
  ScratchDir dir;
  model::Scenario scenario;
  engine::Network net;

  explicit ScenarioFile(const std::string& yaml) {
    write_file(dir / "s.yaml", yaml);
    scenario = io::load_scenario((dir / "s.yaml").string());
    net = engine::compile(scenario);
  }
  std::string path() const { return (dir / "s.yaml").string(); }
};

}  // namespace kpsim::test
