// The layout shows the data flow: a folder of sim/ includes only from the
// folders below it (README, "Architecture"). Lowest first:
//   core ← model ← input, policy ← engine ← run ← report ← tables ← output
//        ← sweep, synth ← calibrate ← cli ← python
// Folders on one rank (input and policy, sweep and synth) do not include
// each other.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, int> kRank{{"core", 0},   {"model", 1},  {"input", 2},  {"policy", 2},
                                       {"engine", 3}, {"run", 4},    {"report", 5}, {"tables", 6},
                                       {"output", 7}, {"sweep", 8},  {"synth", 8},  {"calibrate", 9},
                                       {"cli", 10},   {"python", 11}};

// "report/forecast.hpp" for a line `#include "sim/report/forecast.hpp"`,
// else "".
std::string included_from_sim(std::string_view line) {
  auto skip_blanks = [&] { while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1); };
  skip_blanks();
  if (line.substr(0, 1) != "#") return "";
  line.remove_prefix(1);
  skip_blanks();
  if (line.substr(0, 7) != "include") return "";
  line.remove_prefix(7);
  skip_blanks();
  if (line.substr(0, 5) != "\"sim/") return "";
  line.remove_prefix(5);
  const auto end = line.find('"');
  return end == std::string_view::npos ? "" : std::string(line.substr(0, end));
}

// "sim/report/x.cpp includes sim/output/y.hpp" for every include that goes up
// or sideways, and for every folder that has no rank.
std::vector<std::string> layer_violations(const fs::path& sim) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(sim)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), sim);
    const std::string folder = rel.begin()->string();
    const auto from = kRank.find(folder);
    if (from == kRank.end()) {
      out.push_back("sim/" + rel.string() + " is in a folder with no layer");
      continue;
    }
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      const std::string target = included_from_sim(line);
      const std::string to_folder = target.substr(0, target.find('/'));
      if (target.empty() || to_folder == folder) continue;
      const auto to = kRank.find(to_folder);
      if (to == kRank.end() || to->second >= from->second) out.push_back("sim/" + rel.string() + " includes sim/" + target);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Layers, NoFolderOfSimIncludesAHigherOrSiblingFolder) {
  const std::vector<std::string> v = layer_violations(KPSIM_SOURCE_DIR "/sim");
  std::string all;
  for (const auto& s : v) all += s + "\n";
  EXPECT_TRUE(v.empty()) << all;
}

TEST(Layers, TheCheckFindsAnUpwardASidewaysAndAnUnrankedInclude) {
  test::ScratchDir dir;
  fs::create_directories(dir / "engine");
  fs::create_directories(dir / "input");
  fs::create_directories(dir / "io");
  test::write_file(dir / "engine" / "a.cpp", "#include \"sim/core/date.hpp\"\n#include \"sim/report/forecast.hpp\"\n");
  test::write_file(dir / "input" / "b.cpp", "#include \"sim/policy/scope.hpp\"\n#include \"sim/input/b.hpp\"\n");
  test::write_file(dir / "io" / "c.cpp", "\n");
  EXPECT_EQ(layer_violations(dir.path()),
            (std::vector<std::string>{"sim/engine/a.cpp includes sim/report/forecast.hpp",
                                      "sim/input/b.cpp includes sim/policy/scope.hpp",
                                      "sim/io/c.cpp is in a folder with no layer"}));
}

}  // namespace
}  // namespace kpsim
