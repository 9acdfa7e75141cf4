#include "sim/input/read_psplib.hpp"

#include <gtest/gtest.h>

namespace kpsim::input {
namespace {

const char* kGood = R"(************************************************************************
jobs (incl. supersource/sink ):  4
horizon                       :  10
RESOURCES
  - renewable                 :  2   R
************************************************************************
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      2      0       5        1        5
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1  R 2
------------------------------------------------------------------------
  1      1     0       0    0
  2      1     5       3    1
  3      1     2       1    2
  4      1     0       0    0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1  R 2
    4    2
************************************************************************
)";

std::string first_error(std::string text) {
  try {
    load_psplib_text(text, "x.sm");
  } catch (const model::InputError& e) {
    return e.diagnostics().front().format();
  }
  return "";
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(ReadPsplib, ReadsJobsSuccessorsDemandsAndCapacities) {
  const model::RcpspInstance r = load_psplib_text(kGood, "dir/x.sm");
  EXPECT_EQ(r.name, "x");
  ASSERT_EQ(r.jobs.size(), 4u);
  EXPECT_EQ(r.jobs[0].successors, (std::vector<int>{2, 3}));
  EXPECT_EQ(r.jobs[1].duration, 5);
  EXPECT_EQ(r.jobs[2].demand, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.capacity, (std::vector<int>{4, 2}));
  EXPECT_EQ(r.mpm_time, 5);
}

TEST(ReadPsplib, MalformedFilesGiveLocatedErrors) {
  EXPECT_EQ(first_error(with(kGood, "  2      1     5       3    1", "  2      1     five    3    1")),
            "x.sm:22:16: requests[2].duration: expected a whole number from 0 to 10^9, got 'five' [E-PSP-002]");
  EXPECT_EQ(first_error(with(kGood, "   2        1          1           4", "   2        1          2           4")),
            "x.sm:14:24: precedence[2].successors: says 2 successors, the line lists 1 [E-PSP-004]");
  EXPECT_EQ(first_error(with(kGood, "   3        1          1           4", "   3        1          1           9")),
            "x.sm:15:36: precedence[3].successors[0]: successor 9 is not another job between 1 and 4 [E-PSP-005]");
  EXPECT_EQ(first_error(with(kGood, "    4    2\n", "    4    1\n")),
            "x.sm:23:29: requests[3].R2: job 3 needs 2 of R2, whose capacity is 1: no schedule exists [E-PSP-008]");
  EXPECT_EQ(first_error(with(kGood, "  4      1     0       0    0\n", "")),
            "x.sm:24:1: requests: section 'REQUESTS/DURATIONS' has 3 job rows, the header says 4 [E-PSP-004]");
  EXPECT_EQ(first_error("not a psplib file\n"),
            "x.sm: jobs: no 'jobs (incl. supersource/sink )' line: not a PSPLIB single-mode file [E-PSP-003]");
}

}  // namespace
}  // namespace kpsim::input
