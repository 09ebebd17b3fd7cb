this is an editor lock file
