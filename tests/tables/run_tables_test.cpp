// The run's tables as described once: every sheet well formed (each row as
// wide as its header, labels for every column, unique file names and
// workbook titles Excel accepts), and the planner's order kept.
#include "sim/tables/run_tables.hpp"

#include <gtest/gtest.h>

#include <set>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/forecast.hpp"

namespace kpsim::tables {
namespace {

struct Quickstart {
  Quickstart()
      : sc(input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml")), net(engine::compile(sc)),
        mc(test::run_forecast(sc, net, [] {
          run::ReplicationOptions o;
          o.replications = 60;
          o.seed = 4;
          return o;
        }())) {}
  model::Scenario sc;
  engine::Network net;
  report::MonteCarloForecast mc;
};

TEST(RunTables, EverySheetIsWellFormedAndNamedOnce) {
  const Quickstart q;
  const std::vector<Sheet> sheets = run_sheets(q.sc, q.net, q.mc, {4, false});
  std::set<std::string> files, titles;
  for (const Sheet& s : sheets) {
    EXPECT_TRUE(files.insert(s.csv).second) << s.csv;
    EXPECT_TRUE(titles.insert(s.title).second) << s.title;
    EXPECT_LE(s.title.size(), 31u * 3) << s.title;  // at most 31 characters (CJK: 3 bytes each)
    EXPECT_TRUE(s.labels.empty() || s.labels.size() == s.header.size()) << s.csv;
    for (const auto& row : s.rows) EXPECT_EQ(row.size(), s.header.size()) << s.csv;
  }
  EXPECT_EQ(sheets.size(), 15u);
}

TEST(RunTables, AtRiskIsWorstFirstAndAgenciesBusiestFirst) {
  const Quickstart q;
  const std::vector<Sheet> sheets = run_sheets(q.sc, q.net, q.mc, {4, false});
  for (const Sheet& s : sheets) {
    if (s.csv == "at_risk.csv") {
      ASSERT_FALSE(s.rows.empty());
      for (std::size_t i = 1; i < s.rows.size(); ++i) EXPECT_GE(s.rows[i - 1][5].value, s.rows[i][5].value);
      for (const auto& row : s.rows) EXPECT_GE(row[5].value, q.sc.at_risk_threshold);
    }
    if (s.csv == "agencies.csv") {
      for (std::size_t i = 1; i < s.rows.size(); ++i) EXPECT_GE(s.rows[i - 1][3].value, s.rows[i][3].value);
    }
  }
}

TEST(RunTables, AStepIsLabelledWithItsAgency) {
  const Quickstart q;
  for (std::uint32_t t = 0; t < q.net.task_count(); ++t)
    if (q.net.tasks[t].agency != engine::kNoAgency) {
      const std::string label = step_label(q.sc, q.net, t);
      EXPECT_NE(label.find("（"), std::string::npos) << label;
      break;
    }
}

}  // namespace
}  // namespace kpsim::tables
