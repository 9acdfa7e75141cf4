// A scenario as the Python module holds it: the files it was read from
// (base and overlays) and the values set at paths since, the same paths
// and the same splicing as a sweep's axes (sweep::ScenarioEdits). Copies
// share the files and keep their own values.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::python {

class ScenarioHandle {
 public:
  // Reads the files; throws model::InputError when one cannot be read.
  ScenarioHandle(std::string path, std::vector<std::string> overlays);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& overlays() const { return overlays_; }
  // The same scenario with one more overlay after the others; the values
  // set so far stay set.
  ScenarioHandle with_overlay(const std::string& overlay) const;

  // Sets the value at `path` to the YAML text `text` of kind `kind`
  // (input::value_kind's names); throws model::InputError located at the
  // path when there is no such value or the kind does not fit it.
  void set(const std::string& path, const std::string& text, const std::string& kind);
  // The value's text at `path`: as set, as an overlay's `set:` puts it, or
  // as written.
  std::string get(const std::string& path) const;
  // The paths set so far, with their texts, in the order set.
  std::vector<std::pair<std::string, std::string>> assignments() const;

  // The scenario with the values in place and every policy applied (as
  // `kpsim run` reads it); throws model::InputError when it is not valid.
  model::Scenario scenario() const;

 private:
  struct Assignment {
    std::string path;
    sweep::EditTarget target;
    std::string text;
  };
  sweep::EditTarget resolve(const std::string& path) const;

  std::string path_;
  std::vector<std::string> overlays_;
  std::shared_ptr<const sweep::ScenarioEdits> edits_;
  std::vector<Assignment> assignments_;
};

}  // namespace kpsim::python
