// A run that is killed leaves no result file that looks complete.
#include <gtest/gtest.h>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

TEST(Interrupt, AKilledRunLeavesNoCompleteLookingResults) {
  test::ScratchDir dir;
  const std::string out = (dir / "out").string();
  // Long enough to be killed while it works (about a second a thousand replications).
  const std::string cmd = "'" KPSIM_BINARY "' run '" KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml' --threads 1 "
                          "--replications 200000 --out '" + out + "' > /dev/null 2>&1 & pid=$!; sleep 0.5; "
                          "kill -9 $pid; wait $pid; exit 0";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  if (std::filesystem::exists(out))
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
      const std::string name = entry.path().filename().string();
      EXPECT_EQ(name, ".kpsim-lock") << "a file survived the kill: " << name;
    }
  // The same command run to the end writes every file, and no temporary is left.
  const auto r = test::run_kpsim("run '" KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml' --replications 20 --out '" + out + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* f : test::kRunResultFiles) EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
}

}  // namespace
}  // namespace kpsim
