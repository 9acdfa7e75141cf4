// The `policies:` list of a scenario or of an overlay file (`--policy F`):
// each element names one policy kind and its parameters, checked for type and
// range here; names of steps, agencies and zones are checked when the policy
// is applied to a scenario (sim/policy), where they are known.
#pragma once

#include <string>
#include <vector>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/policy.hpp"

namespace kpsim::input {

std::vector<model::Policy> read_policies(const Value& list);

// An overlay file: `kpsim: 1` and a `policies:` list. Throws InputError.
std::vector<model::Policy> load_policy_file(const std::string& path);
// The same for text already in memory; `path` names it in messages.
std::vector<model::Policy> load_policy_text(const std::string& text, const std::string& path);

// True when the file is a policy overlay rather than a scenario: a mapping
// with `policies` and no `templates`. Unreadable files say false (and fail
// with located errors when loaded as scenarios).
bool is_policy_overlay(const std::string& path);

// The policy kinds as written in YAML, in the order of model::PolicySpec.
const std::vector<std::string>& policy_kind_names();

}  // namespace kpsim::input
