#include "sim/engine/cpm.hpp"

#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "support/scenario_builder.hpp"

namespace kpsim::engine {
namespace {

using test::StepDef;

// The textbook network: A(3) B(4) C(2|A) D(5|A) E(6|B,C) F(4|D,E).
// Early finish 15; critical A–C–E–F; slack B = 1, D = 3.
model::Scenario textbook() {
  model::Scenario s = test::base_scenario();
  s.templates.push_back(test::make_template(
      "textbook", {{"A", 3, {}}, {"B", 4, {}}, {"C", 2, {"A"}}, {"D", 5, {"A"}}, {"E", 6, {"B", "C"}},
                   {"F", 4, {"D", "E"}, 1.0}}));
  s.projects.push_back(test::make_project("P", "textbook", 10));
  return s;
}

struct ByStep {
  const Network& net;
  const CpmSchedule& cpm;
  std::uint32_t task(const std::string& id, const model::Template& t) const {
    for (std::uint32_t i = 0; i < net.task_count(); ++i)
      if (t.steps[net.tasks[i].step].id == id) return i;
    ADD_FAILURE() << "no step " << id;
    return 0;
  }
};

TEST(Cpm, TextbookNetworkHasKnownDatesSlackAndCriticalPath) {
  const model::Scenario s = textbook();
  const Network net = compile(s);
  const CpmSchedule cpm = schedule_cpm(net);
  const ByStep by{net, cpm};
  const auto& t = s.templates[0];
  struct Expect { const char* id; double es, ef, ls, lf, slack; bool critical; };
  for (const Expect& e : {Expect{"A", 0, 3, 0, 3, 0, true}, Expect{"B", 0, 4, 1, 5, 1, false},
                          Expect{"C", 3, 5, 3, 5, 0, true}, Expect{"D", 3, 8, 6, 11, 3, false},
                          Expect{"E", 5, 11, 5, 11, 0, true}, Expect{"F", 11, 15, 11, 15, 0, true}}) {
    const std::uint32_t i = by.task(e.id, t);
    SCOPED_TRACE(e.id);
    EXPECT_DOUBLE_EQ(cpm.early.start(i), e.es);
    EXPECT_DOUBLE_EQ(cpm.early.finish(i), e.ef);
    EXPECT_DOUBLE_EQ(cpm.late_start[i], e.ls);
    EXPECT_DOUBLE_EQ(cpm.late_finish[i], e.lf);
    EXPECT_DOUBLE_EQ(cpm.total_slack[i], e.slack);
    EXPECT_EQ(cpm.critical[i], e.critical);
  }
  EXPECT_DOUBLE_EQ(cpm.project_finish[0], 15);
}

TEST(Cpm, SlackIsCountedInWorkingDaysOfTheTasksCalendar) {
  model::Scenario s = test::base_scenario();
  s.start = test::date("2026-03-02");  // Monday
  // A (office, 5 days) and B (office, 2 days) in parallel, then C.
  s.templates.push_back(test::make_template("t", {{"A", 5, {}}, {"B", 2, {}}, {"C", 1, {"A", "B"}, 1.0}}, "office"));
  s.projects.push_back(test::make_project("P", "t", 1));
  const Network net = compile(s);
  const CpmSchedule cpm = schedule_cpm(net);
  const ByStep by{net, cpm};
  // B finishes Tuesday night; it could finish Friday night: 3 working days of slack.
  EXPECT_DOUBLE_EQ(cpm.total_slack[by.task("B", s.templates[0])], 3.0);
  // C starts the next Monday, not on the weekend.
  EXPECT_DOUBLE_EQ(cpm.early.start(by.task("C", s.templates[0])), 7.0);
}

TEST(Cpm, ProjectsWaitForTheirReadyDate) {
  model::Scenario s = textbook();
  s.projects[0].ready = test::date("2026-02-01");
  const Network net = compile(s);
  const CpmSchedule cpm = schedule_cpm(net);
  EXPECT_DOUBLE_EQ(cpm.early.start(0), 31.0);
  EXPECT_DOUBLE_EQ(cpm.project_finish[0], 46.0);
}

}  // namespace
}  // namespace kpsim::engine
