/* global App */
App({})
