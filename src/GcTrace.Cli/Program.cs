// Entry point of gctrace-pipe: wiring only (filled in by the parsing issue).
return 0;
