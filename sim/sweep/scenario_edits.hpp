// Editing a scenario at addressed paths: the base scenario's and overlays'
// source text with values spliced in at the paths (so every other line and
// column stays where it was), then read, its policies applied, compiled.
// Sweeps put their variants' values there; calibration its parameter points.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/input/yaml_path.hpp"
#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/reporting_basis.hpp"

namespace kpsim::sweep {

// A scenario ready to run.
struct PreparedVariant {
  model::Scenario scenario;
  engine::Network net;
  report::ReportingBasis basis;
};

// Where a path points: which source file, the span of the value's text, its
// YAML kind (integer, number, text …) and its text as written.
struct EditTarget {
  std::size_t source = 0;
  input::TextSpan span;
  std::string kind;
  std::string text;
};

// The value text `value_kind` may replace a value of `target_kind` with: an
// integer may stand for a number, and any scalar for text.
bool compatible_kinds(const std::string& target_kind, const std::string& value_kind);

// Overlays may set values too (`set:` in the file, as calibrated.yaml does):
// those edits are made first, and an edit given to prepare() at the same
// place replaces them.
class ScenarioEdits {
 public:
  // Reads the base scenario and the overlays, and resolves the overlays'
  // `set:` paths in the base; errors go to `diag`. `named_at`: where each
  // file (base, then overlays) is named, for a file that cannot be read.
  ScenarioEdits(const std::string& base, const std::vector<std::string>& overlays, model::Diagnostics& diag,
                const std::vector<model::SourceLoc>& named_at = {});

  bool ok() const { return !sources_.empty() && sources_.size() == 1 + overlay_count_; }
  // Of the files as read.
  std::uint64_t sources_hash() const;
  const std::string& base_file() const { return sources_.front().path; }

  // The value a path names (policies[i] counts the scenario's own policies,
  // then each overlay's); a located error at `loc` when there is none or it
  // spans several lines.
  std::optional<EditTarget> resolve(const std::string& path, const model::SourceLoc& loc, model::Diagnostics& diag) const;

  // The text an overlay's `set:` puts at `target`, if one does.
  std::optional<std::string> overlay_value(const EditTarget& target) const;

  using Edits = std::vector<std::pair<const EditTarget*, std::string>>;  // target, new text
  // The scenario with `edits` in place, its policies and the overlays'
  // applied, compiled. Throws model::InputError when the result is not a
  // valid scenario.
  PreparedVariant prepare(const Edits& edits) const;
  // The base scenario with the edits in place, as read: no policy applied.
  model::Scenario edited_scenario(const Edits& edits) const;
  // The overlays' policies, read from their texts with the edits in place.
  std::vector<model::Policy> overlay_policies(const Edits& edits) const;

 private:
  std::vector<std::string> edited_texts(const Edits& edits) const;
  std::vector<model::Policy> policies_in(const std::vector<std::string>& texts) const;

  std::vector<input::YamlDocument> sources_;
  std::size_t overlay_count_ = 0;
  std::vector<EditTarget> set_targets_;  // the overlays' `set:` entries …
  std::vector<std::string> set_values_;  // … and their values
};

}  // namespace kpsim::sweep
