// What `kpsim graph` prints: the deterministic schedule with slack and the
// critical path, as a table or as Graphviz.
#pragma once

#include <optional>
#include <ostream>

#include "sim/engine/cpm.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::output {

void print_project_schedule(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                            const engine::CpmSchedule& cpm, std::uint32_t project);
void print_portfolio_schedule(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                              const engine::CpmSchedule& cpm);
// One project, or all of them as clusters when `project` is empty.
void write_schedule_dot(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                        const engine::CpmSchedule& cpm, std::optional<std::uint32_t> project);

}  // namespace kpsim::output
