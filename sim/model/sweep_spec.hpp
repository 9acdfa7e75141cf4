// A batch sweep as declared: a base scenario with optional policy overlays,
// and values to put at paths in them, combined into variants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/input_error.hpp"

namespace kpsim::model {

// One value as written in the sweep file: its source text (a scalar or a
// flow collection, spliced verbatim into the scenario) and its YAML kind.
struct SweepValue {
  std::string text;
  std::string kind;  // integer, number, boolean, date, text, mapping, list
  SourceLoc loc;
};

struct SweepAxis {
  std::string path;  // e.g. policies[0].compress.to
  std::vector<SweepValue> values;
  SourceLoc loc;     // the path as written
};

enum class SweepCombine : std::uint8_t { grid, zip, list };

// One variant of an explicit list: values for some of the paths.
struct SweepListEntry {
  std::string label;
  std::vector<std::pair<std::string, SweepValue>> set;  // path → value
  std::vector<SourceLoc> path_locs;
  SourceLoc loc;
};

struct SweepSpec {
  std::string name, file;
  std::string base;                   // scenario file, resolved against the sweep file's folder
  std::vector<std::string> overlays;
  std::vector<SourceLoc> files_named_at;  // where the base and each overlay are named  // policy overlay files, likewise
  std::optional<int> replications;    // default: the base scenario's
  std::optional<std::uint64_t> seed;  // default: the base scenario's
  int block = 50;                     // replications per work unit
  SweepCombine combine = SweepCombine::grid;
  std::vector<SweepAxis> axes;        // grid and zip
  std::vector<SweepListEntry> list;   // list
  // The variant the others are differenced against (paired, replication by
  // replication): an id (v001) or a label; default the first.
  std::optional<std::string> reference;
  SourceLoc reference_loc;
  SourceLoc loc;
};

}  // namespace kpsim::model
