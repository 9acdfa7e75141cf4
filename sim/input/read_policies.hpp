// The `policies:` list of a scenario or of an overlay file (`--policy F`):
// each element names one policy kind and its parameters, checked for type and
// range here; names of steps, agencies and zones are checked when the policy
// is applied to a scenario (sim/policy), where they are known.
#pragma once

#include <string>
#include <vector>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/policy.hpp"
#include "sim/model/sweep_spec.hpp"

namespace kpsim::input {

std::vector<model::Policy> read_policies(const Value& list);

// An overlay file: `kpsim: 1`, a `policies:` list and/or `set:` — values
// for paths of the scenario, as sweeps address them (what `kpsim calibrate`
// writes to calibrated.yaml). Throws InputError.
std::vector<model::Policy> load_policy_file(const std::string& path);
// The same for text already in memory; `path` names it in messages.
std::vector<model::Policy> load_policy_text(const std::string& text, const std::string& path);

// An overlay's `set:` entries, checked as paths and spliceable values (what
// they name is checked against the scenario when it is edited).
struct OverlaySetting {
  std::string path;
  model::SweepValue value;
  model::SourceLoc path_loc;
};
std::vector<OverlaySetting> overlay_settings(const YamlDocument& doc, model::Diagnostics& diag);

// True when the file is a policy overlay rather than a scenario: a mapping
// with `policies` or `set` and no `templates`. Unreadable files say false (and fail
// with located errors when loaded as scenarios).
bool is_policy_overlay(const std::string& path);

// The policy kinds as written in YAML, in the order of model::PolicySpec.
const std::vector<std::string>& policy_kind_names();

}  // namespace kpsim::input
