// A scenario written to a scratch file, read and compiled, and simulated
// once: the one "load this scenario text and run it" helper of the tests.
#pragma once

#include <string>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::test {

struct ScenarioFile {
  ScratchDir dir;
  model::Scenario scenario;
  engine::Network net;

  explicit ScenarioFile(const std::string& yaml) {
    write_file(dir / "s.yaml", yaml);
    scenario = input::load_scenario((dir / "s.yaml").string());
    net = engine::compile(scenario);
  }
  std::string path() const { return (dir / "s.yaml").string(); }

  // Replication `replication` of `seed`.
  engine::Replication simulate(std::uint64_t seed = 1, std::uint32_t replication = 0,
                               const engine::SimSettings& settings = {}) const {
    return engine::simulate(net, seed, replication, settings);
  }
  // Every duration at its most likely value.
  engine::Replication deterministic() const { return simulate(1, 0, {.deterministic = true}); }
};

}  // namespace kpsim::test
