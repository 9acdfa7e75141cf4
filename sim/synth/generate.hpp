// Synthetic scenarios for scale tests and for the reference model, written
// as kpsim's own input files (so that they go through the same reader).
#pragma once

#include <cstdint>
#include <string>

namespace kpsim::synth {

struct GeneratedFiles {
  std::string scenario_yaml;  // refers to the CSV by `projects_csv_name`
  std::string projects_csv;
};

// A portfolio of `projects` projects in a year: government, enterprise and
// industrial projects (about 40/30/30), 30% key projects, in every state at
// the start (a third under construction, a fifth with approvals advanced, the
// rest in preparation, a tenth entering during the year), with the
// quickstart's approval templates, risks and winter stop, agencies and the
// land quota sized so that some queue. Deterministic for a seed.
GeneratedFiles generate_portfolio(std::uint32_t projects, std::uint64_t seed, const std::string& projects_csv_name);

// The reference approval-pipeline model (RM-AP v1): P projects, 8 steps at
// 5 agencies of 4 servers (FIFO), exponential service with mean 10 days, then
// 200 days of construction, all ready at the start (variant B).
GeneratedFiles generate_reference_model(std::uint32_t projects, const std::string& projects_csv_name);

}  // namespace kpsim::synth
