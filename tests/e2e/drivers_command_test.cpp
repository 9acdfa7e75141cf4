// `kpsim drivers`: what each risk, reviewer and step is worth.
#include <gtest/gtest.h>

#include <sstream>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

using test::read_file;
using test::run_kpsim;
using test::ScratchDir;

// Two projects with two approvals each, in parallel, before their build.
// Risk `a` strikes only P1's first approval, `b` only P2's; `c` and `d`
// strike P3's two parallel approvals. Reviewers are plenty, so no queue
// ties the projects together.
const char* kScenario = R"(kpsim: 1
name: drivers
start: 2026-01-01
end: 2026-12-31
replications: 300
calendars:
  all: {week: all}
agencies:
  office: {capacity: 50, calendar: all}
templates:
  one:
    calendar: all
    steps:
      - {id: first, agency: office, duration: {uniform: [10, 20]}}
      - {id: second, agency: office, duration: {uniform: [10, 20]}, after: []}
      - {id: build, type: construction, duration: 400, share: 1, after: [first, second]}
  two:
    calendar: all
    steps:
      - {id: first2, agency: office, duration: {uniform: [10, 20]}}
      - {id: second2, agency: office, duration: {uniform: [10, 20]}, after: []}
      - {id: build, type: construction, duration: 400, share: 1, after: [first2, second2]}
  three:
    calendar: all
    steps:
      - {id: left, agency: office, duration: {uniform: [10, 20]}}
      - {id: right, agency: office, duration: {uniform: [10, 20]}, after: []}
      - {id: build, type: construction, duration: 400, share: 1, after: [left, right]}
projects:
  - {id: P1, name: 甲, template: one, investment: 100, class: key}
  - {id: P2, name: 乙, template: two, investment: 100}
  - {id: P3, name: 丙, template: three, investment: 100}
risks:
  - {id: a, name: 甲风险, on: {step: first}, probability: 0.5, delay: 60}
  - {id: b, name: 乙风险, on: {step: first2}, probability: 0.5, delay: 30}
  - {id: c, name: 丙左, on: {step: left}, probability: 0.5, delay: 60}
  - {id: d, name: 丙右, on: {step: right}, probability: 0.5, delay: 60}
  - {id: never, on: {step: left}, probability: 0, delay: 60}
)";

struct Row {
  std::string kind, driver;
  double gain = 0, low = 0, high = 0;
  std::string key_gain;
};

std::vector<Row> read_drivers(const std::filesystem::path& csv) {
  std::istringstream in(read_file(csv));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "rank,kind,driver,name,change,investment_gain,investment_ci90_low,investment_ci90_high,"
                  "key_started_gain,key_started_ci90_low,key_started_ci90_high,replications");
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    f.resize(12);
    Row r{f[1], f[2], std::stod(f[5]), f[6].empty() ? 0 : std::stod(f[6]), f[7].empty() ? 0 : std::stod(f[7]), f[8]};
    rows.push_back(r);
  }
  return rows;
}

const Row& find(const std::vector<Row>& rows, const std::string& driver) {
  for (const Row& r : rows)
    if (r.driver == driver) return r;
  ADD_FAILURE() << "no row " << driver;
  return rows.front();
}

struct Drivers : ::testing::Test {
  ScratchDir dir;
  std::string scenario() {
    test::write_file(dir / "s.yaml", kScenario);
    return (dir / "s.yaml").string();
  }
};

TEST_F(Drivers, TheBiggestRiskComesFirstAndARiskThatNeverStrikesIsNotADriver) {
  const auto r = run_kpsim("drivers '" + scenario() + "' --what risks --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<Row> rows = read_drivers(dir / "out" / "drivers.csv");
  ASSERT_GE(rows.size(), 4u);
  // a (60 days on P1, which its parallel approval rarely covers) before b (30 days on P2).
  EXPECT_EQ(rows[0].driver, "a");
  EXPECT_GT(find(rows, "a").gain, find(rows, "b").gain);
  EXPECT_GT(find(rows, "b").low, 0);  // a real gain: its interval above 0
  for (const Row& row : rows) EXPECT_NE(row.driver, "never");
  // Key projects started: only P1 is key, and removing `a` starts it earlier, not more often within the year.
  EXPECT_FALSE(find(rows, "a").key_gain.empty());
  for (const char* f : {"sweep.csv", "manifest.json", "report.xlsx"}) EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
}

TEST_F(Drivers, RiskGainsAddUpToAllRisksRemovedButForTheInteractionOfParallelApprovals) {
  const auto r = run_kpsim("drivers '" + scenario() + "' --what risks --out '" + (dir / "out").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<Row> rows = read_drivers(dir / "out" / "drivers.csv");
  const double all = find(rows, "all_risks").gain, sum = find(rows, "sum_of_risks").gain;
  const double interaction = find(rows, "interaction").gain;
  EXPECT_NEAR(all - sum, interaction, 2e-6);
  // a and b act on projects that share nothing: their gains add exactly,
  // replication by replication (common random numbers). c and d delay the
  // two parallel approvals of P3: removing one gains only when the other
  // did not strike, removing both gains when either did; so together they
  // are worth more than apart, and that is all of the interaction.
  const double c = find(rows, "c").gain, d = find(rows, "d").gain;
  EXPECT_GT(interaction, 0.05 * (c + d));
  ScratchDir again;
  std::string text = kScenario;
  for (const char* parallel : {"  - {id: c, name: 丙左, on: {step: left}, probability: 0.5, delay: 60}\n",
                               "  - {id: d, name: 丙右, on: {step: right}, probability: 0.5, delay: 60}\n"})
    text.erase(text.find(parallel), std::string(parallel).size());
  test::write_file(again / "s.yaml", text);
  const auto r2 = run_kpsim("drivers '" + (again / "s.yaml").string() + "' --what risks --out '" + (again / "out").string() + "'");
  ASSERT_EQ(r2.status, 0) << r2.err;
  const std::vector<Row> independent = read_drivers(again / "out" / "drivers.csv");
  EXPECT_NEAR(find(independent, "interaction").gain, 0, 2e-6);
}

TEST_F(Drivers, TheSameFilesAtAnyThreadCount) {
  const std::string s = scenario();
  const std::string common = "drivers '" + s + "' --what risks,agencies,steps -n 60 --out '";
  ASSERT_EQ(run_kpsim(common + (dir / "one").string() + "' --threads 1").status, 0);
  ASSERT_EQ(run_kpsim(common + (dir / "two").string() + "' --threads 2").status, 0);
  for (const char* f : {"drivers.csv", "sweep.csv", "manifest.json", "report.xlsx"})
    EXPECT_EQ(read_file(dir / "one" / f), read_file(dir / "two" / f)) << f;
  // A step at its P10 is a driver too: the builds are fixed (no P10 to take), the approvals are not.
  const std::string drivers = read_file(dir / "one" / "drivers.csv");
  EXPECT_NE(drivers.find("one/first"), std::string::npos);
  EXPECT_EQ(drivers.find("one/build"), std::string::npos);
  EXPECT_NE(drivers.find("office"), std::string::npos);
}

TEST_F(Drivers, AnUnknownDriverKindIsALocatedError) {
  const auto r = run_kpsim("drivers '" + scenario() + "' --what risks,reviewers --out '" + (dir / "out").string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--what: reviewers: 'reviewers' is not a driver kind: risks, agencies or steps [E-DRV-002]"), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

}  // namespace
}  // namespace kpsim
