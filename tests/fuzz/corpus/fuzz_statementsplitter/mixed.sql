SELECT E'a\'', $q$;$q$, $1 /* a /* b */ */; -- c
SELECT "x""y", [z], `w`; # m
