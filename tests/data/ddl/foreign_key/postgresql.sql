-- +upgrade
ALTER TABLE "players" ADD CONSTRAINT "fk_players_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL;

-- +downgrade
ALTER TABLE "players" DROP CONSTRAINT "fk_players_team";
