/** The real local services the tests use live in packages/testkit (the demo uses them too): see its README. */
export * from '@release-actions/testkit/services';
