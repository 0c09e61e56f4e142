import { startBase } from './base';

startBase();
